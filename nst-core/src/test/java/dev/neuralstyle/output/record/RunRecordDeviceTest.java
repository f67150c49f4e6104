package dev.neuralstyle.output.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.neuralstyle.NstException;
import dev.neuralstyle.features.Preprocessing;
import dev.neuralstyle.progress.StopReason;
import dev.neuralstyle.transfer.Defaults;
import dev.neuralstyle.transfer.DeviceSpec;
import dev.neuralstyle.transfer.StyleTransferRequest;
import dev.neuralstyle.transfer.StyleTransferResult;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run record keeps the device asked for and the one used; older records still read. */
class RunRecordDeviceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private static RunRecord record(DeviceSpec asked, String used) {
    StyleTransferRequest request =
        StyleTransferRequest.builder()
            .content(Path.of("c.png"))
            .styles(List.of(Path.of("s.png")))
            .device(asked)
            .build();
    BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    StyleTransferResult result =
        new StyleTransferResult(
            image,
            image,
            List.of(image),
            List.of(),
            0,
            0,
            0,
            StopReason.BUDGET,
            Preprocessing.CAFFE,
            used,
            List.of());
    WeightsProvenance weights =
        new WeightsProvenance(Path.of("w.safetensors"), "0", "SAFETENSORS", "caffe", "vgg19");
    return new RunRecord(request, weights, result, Map.of(), Map.of());
  }

  @Test
  void the_record_names_the_device_asked_for_and_the_device_used() throws Exception {
    Path file = dir.resolve("run.json");
    RunRecordWriter.write(file, record(DeviceSpec.gpu(1), "gpu:1"));
    var tree = JSON.readTree(file.toFile());
    assertEquals("gpu:1", tree.at("/request/device").asText());
    assertEquals("gpu:1", tree.at("/result/device").asText());
    assertEquals(DeviceSpec.gpu(1), RunRecordReader.read(file).request().device());
  }

  @Test
  void a_record_from_before_the_device_option_reads_with_the_default() throws Exception {
    Path file = dir.resolve("old.json");
    ObjectNode tree =
        (ObjectNode) JSON.readTree(RunRecordWriter.toJson(record(DeviceSpec.cpu(), "cpu")));
    ((ObjectNode) tree.get("request")).remove("device");
    Files.writeString(file, JSON.writeValueAsString(tree));
    assertEquals(Defaults.DEVICE, RunRecordReader.read(file).request().device());
  }

  @Test
  void a_bad_device_in_a_record_names_the_file_and_the_field() throws Exception {
    Path file = dir.resolve("bad.json");
    ObjectNode tree =
        (ObjectNode) JSON.readTree(RunRecordWriter.toJson(record(DeviceSpec.cpu(), "cpu")));
    ((ObjectNode) tree.get("request")).put("device", "tpu");
    Files.writeString(file, JSON.writeValueAsString(tree));
    NstException e = assertThrows(NstException.class, () -> RunRecordReader.read(file));
    assertTrue(e.getMessage().contains("bad.json: field 'device'"), e.getMessage());
    assertTrue(e.getMessage().contains("found 'tpu'"), e.getMessage());
  }
}
