package dev.neuralstyle.output.render;

import dev.neuralstyle.image.AtomicFiles;
import dev.neuralstyle.image.ImageResize;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes an animated GIF (for example the result after every N iterations) with javax.imageio's GIF
 * writer: a Graphic Control Extension with the delay on every frame and, for looping, the
 * NETSCAPE2.0 application extension (loop forever) on the first. Each frame gets its own 256-colour
 * palette from ImageIO. GIF delays are in hundredths of a second, so delays are rounded to 10 ms.
 * The file is written atomically.
 */
public final class AnimatedGifWriter {
  private static final String FORMAT = "javax_imageio_gif_image_1.0";

  private AnimatedGifWriter() {}

  /**
   * Writes the frames at their own size (frames of another size than the first are resized to it).
   *
   * @param frames at least one frame; not modified
   * @param delayMillis how long each frame is shown
   * @param lastFrameHoldMillis how long the last frame is shown before the animation restarts
   * @param loop whether the animation repeats forever (otherwise it plays once)
   * @param file the target {@code .gif} file
   * @throws IllegalArgumentException if there are no frames or a delay is negative
   * @throws dev.neuralstyle.NstException if the file cannot be written
   */
  public static void write(
      List<BufferedImage> frames,
      int delayMillis,
      int lastFrameHoldMillis,
      boolean loop,
      Path file) {
    write(frames, delayMillis, lastFrameHoldMillis, loop, 0, file);
  }

  /**
   * Writes the frames, first downscaling them so that the longer side is at most {@code maxSide}
   * (smaller frames are not enlarged; {@code maxSide <= 0} keeps the size).
   *
   * @see #write(List, int, int, boolean, Path)
   */
  public static void write(
      List<BufferedImage> frames,
      int delayMillis,
      int lastFrameHoldMillis,
      boolean loop,
      int maxSide,
      Path file) {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("no frames for the animated GIF");
    }
    if (delayMillis < 0 || lastFrameHoldMillis < 0) {
      throw new IllegalArgumentException("delays must not be negative");
    }
    List<BufferedImage> prepared = prepare(frames, maxSide);
    AtomicFiles.write(file, out -> encode(prepared, delayMillis, lastFrameHoldMillis, loop, out));
  }

  private static List<BufferedImage> prepare(List<BufferedImage> frames, int maxSide) {
    BufferedImage first = frames.get(0);
    int w = first.getWidth();
    int h = first.getHeight();
    if (maxSide > 0 && Math.max(w, h) > maxSide) {
      double scale = (double) maxSide / Math.max(w, h);
      w = Math.max(1, (int) Math.round(w * scale));
      h = Math.max(1, (int) Math.round(h * scale));
    }
    List<BufferedImage> out = new ArrayList<>(frames.size());
    for (BufferedImage frame : frames) {
      out.add(ImageResize.toSize(frame, w, h));
    }
    return out;
  }

  private static void encode(
      List<BufferedImage> frames, int delayMillis, int holdMillis, boolean loop, OutputStream out)
      throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
    if (!writers.hasNext()) {
      throw new IOException("no GIF writer in this Java runtime");
    }
    ImageWriter writer = writers.next();
    try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      writer.prepareWriteSequence(null);
      for (int i = 0; i < frames.size(); i++) {
        BufferedImage frame = frames.get(i);
        boolean last = i == frames.size() - 1;
        IIOMetadata metadata =
            writer.getDefaultImageMetadata(
                ImageTypeSpecifier.createFromRenderedImage(frame), param);
        configure(metadata, last ? holdMillis : delayMillis, loop && i == 0);
        writer.writeToSequence(new IIOImage(frame, null, metadata), param);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
  }

  private static void configure(IIOMetadata metadata, int delayMillis, boolean loopExtension)
      throws IIOInvalidTreeException {
    IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
    IIOMetadataNode control = child(root, "GraphicControlExtension");
    control.setAttribute("disposalMethod", "none");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", "FALSE");
    control.setAttribute("transparentColorIndex", "0");
    control.setAttribute("delayTime", Integer.toString(Math.round(delayMillis / 10f)));
    if (loopExtension) {
      IIOMetadataNode extension = new IIOMetadataNode("ApplicationExtension");
      extension.setAttribute("applicationID", "NETSCAPE");
      extension.setAttribute("authenticationCode", "2.0");
      extension.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = forever
      child(root, "ApplicationExtensions").appendChild(extension);
    }
    metadata.setFromTree(FORMAT, root);
  }

  private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
    for (int i = 0; i < parent.getLength(); i++) {
      if (parent.item(i).getNodeName().equals(name)) {
        return (IIOMetadataNode) parent.item(i);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    parent.appendChild(node);
    return node;
  }
}
