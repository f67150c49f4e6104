package dev.neuralstyle.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every input a fuzzer once crashed on, replayed through its target in the default suite: {@code
 * fuzz-regressions/TARGET/NAME} runs {@code TARGET.fuzzerTestOneInput}, which must return (a clean
 * value or a one-line {@link dev.neuralstyle.NstException}) within a bounded time.
 */
class FuzzRegressionTest {

  @TestFactory
  Stream<DynamicTest> every_input_that_once_crashed_a_fuzzer_is_answered_cleanly()
      throws IOException, URISyntaxException {
    Path root = Path.of(getClass().getResource("/fuzz-regressions").toURI());
    List<Path> inputs;
    try (Stream<Path> s = Files.walk(root)) {
      inputs = s.filter(Files::isRegularFile).sorted().toList();
    }
    return inputs.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    root.relativize(f).toString(),
                    () ->
                        assertTimeoutPreemptively(
                            Duration.ofSeconds(60),
                            () -> replay(f.getParent().getFileName().toString(), f))));
  }

  private static void replay(String target, Path input) throws Throwable {
    String pkg = "MaskFuzz".equals(target) ? "dev.neuralstyle.transfer" : "dev.neuralstyle.fuzz";
    Method m = Class.forName(pkg + "." + target).getMethod("fuzzerTestOneInput", byte[].class);
    try {
      m.invoke(null, (Object) Files.readAllBytes(input));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
