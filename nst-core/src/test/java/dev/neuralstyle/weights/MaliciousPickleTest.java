package dev.neuralstyle.weights;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import dev.neuralstyle.testkit.PickleWriter;
import dev.neuralstyle.testkit.TorchFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pickles that would run code under Python's pickle are refused before anything is built. */
class MaliciousPickleTest {
  @TempDir Path dir;

  @Test
  void os_system_global_is_refused_without_running() throws IOException {
    Path marker = dir.resolve("pwned");
    byte[] pkl =
        new PickleWriter()
            .proto()
            .global("os", "system")
            .mark()
            .string("touch " + marker)
            .tuple()
            .reduce()
            .stop()
            .toByteArray();
    Path f = TorchFiles.writeZip(dir.resolve("evil.pth"), "evil", pkl);
    NstException e = assertThrows(NstException.class, () -> WeightsLoader.load(f, null, null));
    assertTrue(e.getMessage().contains("os.system"), e.getMessage());
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("refused"), e.getMessage());
    assertFalse(Files.exists(marker));
  }

  @Test
  void builtins_eval_global_is_refused() throws IOException {
    byte[] pkl =
        new PickleWriter()
            .proto()
            .global("builtins", "eval")
            .mark()
            .string("__import__('os').system('true')")
            .tuple()
            .reduce()
            .stop()
            .toByteArray();
    Path f = TorchFiles.writeZip(dir.resolve("evil.pth"), "evil", pkl);
    NstException e = assertThrows(NstException.class, () -> WeightsLoader.load(f, null, null));
    assertTrue(e.getMessage().contains("builtins.eval"), e.getMessage());
  }

  @Test
  void whole_module_pickles_are_refused() throws IOException {
    byte[] pkl =
        new PickleWriter()
            .proto()
            .global("torch.nn.modules.conv", "Conv2d")
            .emptyTuple()
            .reduce()
            .stop()
            .toByteArray();
    Path f = TorchFiles.writeZip(dir.resolve("model.pth"), "model", pkl);
    NstException e = assertThrows(NstException.class, () -> WeightsLoader.load(f, null, null));
    assertTrue(e.getMessage().contains("torch.nn.modules.conv.Conv2d"), e.getMessage());
  }

  @Test
  void object_building_opcodes_are_refused() throws IOException {
    byte[] pkl =
        new PickleWriter()
            .proto()
            .global("collections", "OrderedDict")
            .emptyTuple()
            .op(0x81)
            .stop()
            .toByteArray(); // NEWOBJ
    Path f = TorchFiles.writeZip(dir.resolve("newobj.pth"), "newobj", pkl);
    NstException e = assertThrows(NstException.class, () -> WeightsLoader.load(f, null, null));
    assertTrue(e.getMessage().contains("opcode 0x81"), e.getMessage());
  }

  @Test
  void allowed_global_cannot_be_called_with_other_arguments() throws IOException {
    byte[] pkl =
        new PickleWriter()
            .proto()
            .global("collections", "OrderedDict")
            .mark()
            .string("x")
            .tuple()
            .reduce()
            .stop()
            .toByteArray();
    Path f = TorchFiles.writeZip(dir.resolve("args.pth"), "args", pkl);
    NstException e = assertThrows(NstException.class, () -> WeightsLoader.load(f, null, null));
    assertTrue(e.getMessage().contains("OrderedDict with arguments"), e.getMessage());
  }

  @Test
  void duplicate_state_dict_keys_are_refused() throws IOException {
    byte[] pkl =
        new PickleWriter()
            .proto()
            .emptyDict()
            .mark()
            .string("a")
            .integer(1)
            .string("a")
            .integer(2)
            .setItems()
            .stop()
            .toByteArray();
    Path f = TorchFiles.writeZip(dir.resolve("dup.pth"), "dup", pkl);
    NstException e = assertThrows(NstException.class, () -> WeightsLoader.load(f, null, null));
    assertTrue(e.getMessage().contains("duplicate key a"), e.getMessage());
  }

  @Test
  void bytes_after_stop_are_refused() throws IOException {
    byte[] pkl = new PickleWriter().proto().emptyDict().stop().op('N').toByteArray();
    Path f = TorchFiles.writeZip(dir.resolve("tail.pth"), "tail", pkl);
    NstException e = assertThrows(NstException.class, () -> WeightsLoader.load(f, null, null));
    assertTrue(e.getMessage().contains("after its STOP"), e.getMessage());
  }
}
