package dev.neuralstyle.weights.tensor;

import dev.neuralstyle.RegularFiles;
import dev.neuralstyle.weights.WeightFormat;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a format reader returns: the tensors of one file under their original names (in file order),
 * the file's string metadata, and the open resources the tensors' loaders read from. Closing it
 * closes those resources.
 */
public final class TensorFile implements Closeable {
  /** Parses the opened channel of a weights file into the {@link TensorFile} under construction. */
  @FunctionalInterface
  public interface ChannelParser {
    /** Fills {@code out} from {@code channel}, the open channel of {@code file}. */
    void parse(Path file, FileChannel channel, TensorFile out) throws IOException;
  }

  /**
   * Opens {@code file}, lets {@code parser} fill a new TensorFile that owns the channel, and closes
   * everything if parsing fails.
   */
  public static TensorFile open(Path file, WeightFormat format, ChannelParser parser)
      throws IOException {
    FileChannel ch = RegularFiles.open(file, "weights file");
    TensorFile out = new TensorFile(file, format);
    out.addResource(ch);
    try {
      parser.parse(file, ch, out);
      return out;
    } catch (RuntimeException | IOException e) {
      out.close();
      throw e;
    }
  }

  private final Path path;
  private final WeightFormat format;
  private final Map<String, RawTensor> tensors = new LinkedHashMap<>();
  private final Map<String, String> metadata = new LinkedHashMap<>();
  private final List<Closeable> resources = new ArrayList<>();

  /** An empty tensor file read from {@code path} in {@code format}. */
  public TensorFile(Path path, WeightFormat format) {
    this.path = path;
    this.format = format;
  }

  /** The file the tensors come from. */
  public Path path() {
    return path;
  }

  /** The file's container format. */
  public WeightFormat format() {
    return format;
  }

  /** Adds a tensor; returns false if the name was already present. */
  public boolean add(RawTensor tensor) {
    return tensors.putIfAbsent(tensor.name(), tensor) == null;
  }

  /** Records a string fact about the file (shown by {@code weights info}). */
  public void putMetadata(String key, String value) {
    metadata.put(key, value);
  }

  /** Makes {@link #close()} close {@code resource} too. */
  public void addResource(Closeable resource) {
    resources.add(resource);
  }

  /** The tensors by name, in file order; unmodifiable. */
  public Map<String, RawTensor> tensors() {
    return Collections.unmodifiableMap(tensors);
  }

  /** The string metadata; unmodifiable. */
  public Map<String, String> metadata() {
    return Collections.unmodifiableMap(metadata);
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Closeable c : resources) {
      try {
        c.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
