package dev.neuralstyle.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The project version (from the jar's version.properties), the DJL version and the Java runtime.
 */
public final class VersionProvider implements IVersionProvider {
  /** This tool's version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown}. */
  public static String toolVersion() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    String v = p.getProperty("version", "unknown");
    return v.startsWith("${") ? "unknown" : v;
  }

  /** The Deep Java Library version, read without starting an engine. */
  public static String djlVersion() {
    String v = ai.djl.engine.Engine.getDjlVersion();
    return v == null ? "unknown" : v;
  }

  /** The engine and its version, e.g. {@code PyTorch 2.7.1}; starts the engine if needed. */
  public static String engine() {
    ai.djl.engine.Engine engine = ai.djl.engine.Engine.getInstance();
    return engine.getEngineName() + " " + engine.getVersion();
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "neural-style " + toolVersion(),
      "DJL " + djlVersion() + " (PyTorch engine)",
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
