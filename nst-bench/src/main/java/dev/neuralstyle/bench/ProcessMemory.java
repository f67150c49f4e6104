package dev.neuralstyle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's memory figures from {@code /proc/self/status} (Linux). */
final class ProcessMemory {
  private ProcessMemory() {}

  /** Peak resident set size (VmHWM) in bytes, or -1 where {@code /proc} is missing. */
  static long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
