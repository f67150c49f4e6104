package dev.neuralstyle.output.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

class AnimatedGifWriterTest {
  private static final String FORMAT = "javax_imageio_gif_image_1.0";

  @TempDir Path dir;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  private static Node find(Node node, String name) {
    if (node.getNodeName().equals(name)) {
      return node;
    }
    for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
      Node found = find(c, name);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static String attribute(Node node, String name) {
    return node.getAttributes().getNamedItem(name).getNodeValue();
  }

  @Test
  void framesDelaysAndLoopExtensionAreWritten() throws IOException {
    int[] colours = {0xFF0000, 0x00FF00, 0x0000FF};
    List<BufferedImage> frames =
        List.of(
            Pixels.solid(40, 30, colours[0]),
            Pixels.solid(40, 30, colours[1]),
            Pixels.solid(40, 30, colours[2]));
    Path file = dir.resolve("progress.gif");
    AnimatedGifWriter.write(frames, 100, 2000, true, file);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary files left");
    }
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      reader.setInput(in);
      assertEquals(3, reader.getNumImages(true));
      for (int i = 0; i < 3; i++) {
        BufferedImage frame = reader.read(i);
        assertEquals(40, frame.getWidth());
        assertEquals(colours[i], frame.getRGB(20, 15) & 0xFFFFFF);
        Node root = reader.getImageMetadata(i).getAsTree(FORMAT);
        Node control = find(root, "GraphicControlExtension");
        assertEquals(i == 2 ? "200" : "10", attribute(control, "delayTime"));
      }
      Node app = find(reader.getImageMetadata(0).getAsTree(FORMAT), "ApplicationExtension");
      assertEquals("NETSCAPE", attribute(app, "applicationID"));
      assertEquals("2.0", attribute(app, "authenticationCode"));
      assertArrayEquals(new byte[] {1, 0, 0}, (byte[]) ((IIOMetadataNode) app).getUserObject());
    } finally {
      reader.dispose();
    }
  }

  @Test
  void noLoopExtensionWhenPlayingOnceAndFramesAreDownscaled() throws IOException {
    Path file = dir.resolve("once.gif");
    AnimatedGifWriter.write(
        List.of(Pixels.solid(200, 100, 0x336699), Pixels.solid(100, 100, 0x993366)),
        50,
        50,
        false,
        50,
        file);
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      reader.setInput(in);
      assertEquals(2, reader.getNumImages(true));
      assertNull(find(reader.getImageMetadata(0).getAsTree(FORMAT), "ApplicationExtension"));
      BufferedImage second = reader.read(1);
      assertEquals(50, second.getWidth());
      assertEquals(25, second.getHeight());
      assertTrue(Files.size(file) < 2000);
    } finally {
      reader.dispose();
    }
  }

  @Test
  void rejectsNoFrames() {
    assertThrows(
        IllegalArgumentException.class,
        () -> AnimatedGifWriter.write(List.of(), 10, 10, true, dir.resolve("x.gif")));
  }
}
