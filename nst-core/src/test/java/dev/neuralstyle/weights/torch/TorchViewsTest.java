package dev.neuralstyle.weights.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import dev.neuralstyle.testkit.PickleWriter;
import dev.neuralstyle.testkit.TorchFiles;
import dev.neuralstyle.weights.WeightsLoader;
import dev.neuralstyle.weights.tensor.DType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storage offsets and strides are honoured, and views outside their storage are refused. */
class TorchViewsTest {
  @TempDir Path dir;

  @Test
  void strided_view_with_offset_is_gathered_in_c_order() throws IOException {
    float[] storage = {9, 9, 0, 1, 2, 3, 4, 5};
    Pickled.StorageRef s = new Pickled.StorageRef("0", DType.F32, storage.length, 0);
    // a 3x2 transpose of the 2x3 matrix stored at offset 2
    Pickled.TensorRef t =
        TorchViews.check(NstException::new, s, 2, new long[] {3, 2}, new long[] {1, 3});
    float[] out =
        TorchViews.load(
            t,
            (key, dtype, offset, count) ->
                Arrays.copyOfRange(storage, (int) offset, (int) (offset + count)));
    assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, out);
  }

  @Test
  void view_reaching_past_its_storage_is_refused() throws IOException {
    // features.0.bias of shape 64 on a storage of 10 elements
    byte[] pkl =
        new PickleWriter()
            .proto()
            .emptyDict()
            .mark()
            .string("features.0.bias")
            .global("torch._utils", "_rebuild_tensor_v2")
            .mark()
            .mark()
            .string("storage")
            .global("torch", "FloatStorage")
            .string("0")
            .string("cpu")
            .integer(10)
            .tuple()
            .persistentId()
            .integer(0)
            .mark()
            .integer(64)
            .tuple()
            .mark()
            .integer(1)
            .tuple()
            .bool(false)
            .emptyDict()
            .tuple()
            .reduce()
            .setItems()
            .stop()
            .toByteArray();
    Path f = TorchFiles.writeZip(dir.resolve("oob.pth"), "oob", pkl, new byte[40]);
    NstException e = assertThrows(NstException.class, () -> WeightsLoader.load(f, null, null));
    assertTrue(
        e.getMessage().contains("reaches element 63 of storage 0, which has 10 elements"),
        e.getMessage());
  }

  @Test
  void storage_record_size_must_match_numel() throws IOException {
    byte[] pkl =
        new PickleWriter()
            .proto()
            .emptyDict()
            .mark()
            .string("features.0.bias")
            .global("torch._utils", "_rebuild_tensor")
            .mark()
            .mark()
            .string("storage")
            .global("torch", "FloatStorage")
            .string("0")
            .string("cpu")
            .integer(64)
            .tuple()
            .persistentId()
            .integer(0)
            .mark()
            .integer(64)
            .tuple()
            .mark()
            .integer(1)
            .tuple()
            .tuple()
            .reduce()
            .setItems()
            .stop()
            .toByteArray();
    Path f = TorchFiles.writeZip(dir.resolve("size.pth"), "size", pkl, new byte[40]);
    NstException e = assertThrows(NstException.class, () -> WeightsLoader.load(f, null, null));
    assertTrue(
        e.getMessage().contains("record data/0 has 40 bytes, expected 64 x 4"), e.getMessage());
  }
}
