package dev.neuralstyle.spark;

import dev.neuralstyle.NstException;
import dev.neuralstyle.batch.JobList;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Inputs and outputs through Hadoop's FileSystem API, so HDFS, S3A and local paths all work:
 * listing image directories, reading text, copying a file to the local disk for the engine, and
 * writing files so that readers never see a partial one (a temporary name, then a rename).
 */
final class HadoopFiles {
  private HadoopFiles() {}

  /**
   * The file system of {@code p}; for local paths the raw one, which writes no {@code .crc} files
   * beside the outputs.
   */
  static FileSystem fs(Path p, Configuration conf) throws IOException {
    FileSystem fs = p.getFileSystem(conf);
    return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
  }

  /**
   * Image files as fully qualified URIs: a directory stands for its image files (sorted by name), a
   * file for itself.
   */
  static List<String> images(List<String> inputs, Configuration conf, String option) {
    List<String> files = new ArrayList<>();
    for (String input : inputs) {
      Path p = new Path(input);
      try {
        FileSystem fs = fs(p, conf);
        FileStatus status = fs.getFileStatus(p);
        if (status.isDirectory()) {
          List<String> found = new ArrayList<>();
          for (FileStatus f : fs.listStatus(p)) {
            if (f.isFile() && JobList.isImageName(f.getPath().getName())) {
              found.add(f.getPath().toString());
            }
          }
          if (found.isEmpty()) {
            throw new NstException(
                "invalid value for " + option + ": directory " + input + " holds no image files");
          }
          found.sort(null);
          files.addAll(found);
        } else {
          files.add(fs.makeQualified(p).toString());
        }
      } catch (FileNotFoundException e) {
        throw new NstException("invalid value for " + option + ": " + input + " does not exist", e);
      } catch (IOException e) {
        throw new NstException("cannot read " + input + ": " + e.getMessage(), e);
      }
    }
    return files;
  }

  /** The text of {@code location}, or {@code null} if it does not exist. */
  static String readText(Path location, Configuration conf) throws IOException {
    FileSystem fs = fs(location, conf);
    if (!fs.exists(location)) {
      return null;
    }
    try (InputStream in = fs.open(location)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Copies {@code location} into local directory {@code dir}, keeping its file name. */
  static java.nio.file.Path toLocal(String location, java.nio.file.Path dir, Configuration conf) {
    Path p = new Path(location);
    java.nio.file.Path local = dir.resolve(p.getName());
    try (InputStream in = fs(p, conf).open(p)) {
      Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new NstException("cannot read " + location + ": " + e.getMessage(), e);
    }
    return local;
  }

  /** A unique temporary name beside {@code target}, hidden from directory listings of images. */
  static Path temporary(Path target, String tag) {
    return new Path(
        target.getParent(), "." + target.getName() + "." + tag + "." + UUID.randomUUID() + ".part");
  }

  /** Copies local file {@code from} to {@code to} (created or replaced). */
  static void upload(java.nio.file.Path from, FileSystem fs, Path to) throws IOException {
    try (OutputStream out = fs.create(to, true)) {
      Files.copy(from, out);
    }
  }

  /**
   * Moves {@code temp} to {@code target} unless the target already exists, which only another
   * attempt of the same job (a retry or a speculative copy) can have written, with the same
   * deterministic result: then {@code temp} is deleted. Either way exactly one complete file
   * remains.
   *
   * @return whether this call put its file in place
   */
  static boolean publish(FileSystem fs, Path temp, Path target) throws IOException {
    if (!fs.exists(target) && fs.rename(temp, target)) {
      return true;
    }
    fs.delete(temp, false);
    return false;
  }

  /** Replaces {@code target} with {@code bytes} through a temporary file and a rename. */
  static void replace(Path target, byte[] bytes, Configuration conf) throws IOException {
    FileSystem fs = fs(target, conf);
    Path temp = temporary(target, "driver");
    try (OutputStream out = fs.create(temp, true)) {
      out.write(bytes);
    }
    fs.delete(target, false); // HDFS's rename does not replace
    if (!fs.rename(temp, target)) {
      fs.delete(temp, false);
      throw new IOException("cannot rename " + temp + " to " + target);
    }
  }
}
