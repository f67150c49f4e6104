package dev.neuralstyle.weights;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.NstException;
import dev.neuralstyle.testkit.TinyWeightFiles;
import dev.neuralstyle.testkit.TinyWeightFiles.Tensor;
import dev.neuralstyle.testkit.TorchFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Truncated, corrupt and wrongly shaped files fail with one-line messages naming what is wrong. */
class CorruptFilesTest {
  private static final List<Tensor> TENSORS = TinyWeightFiles.vgg19Convs(2, 7);

  @TempDir Path dir;

  @Test
  void oversized_safetensors_header_is_refused() throws IOException {
    byte[] bytes = new byte[64];
    bytes[3] = 0x10; // N = 0x10000000 = 268 MB
    bytes[8] = '{';
    Path f = Files.write(dir.resolve("big.safetensors"), bytes);
    assertMessage(f, "declares a header of 268435456 bytes; the limit is 100000000");
  }

  @Test
  void truncated_safetensors_is_refused() throws IOException {
    Path f =
        truncate(
            TinyWeightFiles.writeSafetensors(dir.resolve("t.safetensors"), TENSORS, Map.of()), 100);
    assertMessage(f, "(file truncated)");
  }

  @Test
  void duplicate_safetensors_key_is_refused() throws IOException {
    String h =
        "{\"features.0.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
            + "\"features.0.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
    Path f = TinyWeightFiles.writeRawSafetensors(dir.resolve("dup.safetensors"), h, new byte[8]);
    assertMessage(f, "Duplicate field 'features.0.bias'");
  }

  @Test
  void safetensors_gap_and_unknown_dtype_are_refused() throws IOException {
    String gap = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
    Path f = TinyWeightFiles.writeRawSafetensors(dir.resolve("gap.safetensors"), gap, new byte[8]);
    assertMessage(f, "tensor a starts at data offset 4, expected 0");
    String odd = "{\"a\":{\"dtype\":\"Q7\",\"shape\":[1],\"data_offsets\":[0,4]}}";
    f = TinyWeightFiles.writeRawSafetensors(dir.resolve("dt.safetensors"), odd, new byte[4]);
    assertMessage(f, "tensor a has unknown dtype Q7");
    String size = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}";
    f = TinyWeightFiles.writeRawSafetensors(dir.resolve("sz.safetensors"), size, new byte[4]);
    assertMessage(f, "tensor a with shape 2 and dtype F32 needs 8 bytes");
  }

  @Test
  void wrong_conv_shape_names_tensor_expected_and_found() throws IOException {
    Tensor w = TENSORS.get(0);
    Tensor bad = new Tensor(w.name(), new long[] {64, 3, 9}, w.values());
    Path f =
        TinyWeightFiles.writeSafetensors(
            dir.resolve("shape.safetensors"), List.of(bad, TENSORS.get(1)), Map.of());
    assertMessage(f, "tensor features.0.weight (conv1_1) has shape 64x3x9, expected 64x3x3x3");
  }

  @Test
  void integer_conv_dtype_is_refused() throws IOException {
    String h =
        "{\"features.0.weight\":{\"dtype\":\"I8\",\"shape\":[64,3,3,3],"
            + "\"data_offsets\":[0,1728]},\"features.0.bias\":{\"dtype\":\"F32\",\"shape\":[64],"
            + "\"data_offsets\":[1728,1984]}}";
    Path f = TinyWeightFiles.writeRawSafetensors(dir.resolve("i8.safetensors"), h, new byte[1984]);
    assertMessage(f, "tensor features.0.weight (conv1_1) has dtype I8, expected F32");
  }

  @Test
  void corrupt_zip_is_refused() throws IOException {
    Path f = truncate(TorchFiles.writeZip(dir.resolve("z.pth"), TENSORS, "z"), 2000);
    assertMessage(f, "is not a valid PyTorch zip archive");
  }

  @Test
  void truncated_legacy_stream_is_refused() throws IOException {
    Path f = truncate(TorchFiles.writeLegacy(dir.resolve("l.pth"), TENSORS, true), 1000);
    assertMessage(f, "is truncated: storage");
  }

  @Test
  void truncated_tar_is_refused() throws IOException {
    Path f = truncate(TorchFiles.writeTar(dir.resolve("t.pth"), TENSORS), 5000);
    assertMessage(f, "truncated tar archive");
  }

  @Test
  void unknown_format_and_missing_file_are_reported() throws IOException {
    Path f = Files.writeString(dir.resolve("notes.txt"), "hello, not weights");
    assertMessage(f, "is not a recognised weights format");
    assertMessage(dir.resolve("absent.pth"), "does not exist");
  }

  @Test
  void keys_that_are_not_vgg_are_refused() throws IOException {
    Tensor t = new Tensor("encoder.weight", new long[] {2}, new float[2]);
    Path f = TinyWeightFiles.writeSafetensors(dir.resolve("x.safetensors"), List.of(t), Map.of());
    assertMessage(f, "holds no VGG convolution tensors");
  }

  private static Path truncate(Path f, int cut) throws IOException {
    byte[] b = Files.readAllBytes(f);
    return Files.write(f, Arrays.copyOf(b, b.length - cut));
  }

  private static void assertMessage(Path f, String expected) {
    NstException e = assertThrows(NstException.class, () -> WeightsLoader.load(f, null, null));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }
}
