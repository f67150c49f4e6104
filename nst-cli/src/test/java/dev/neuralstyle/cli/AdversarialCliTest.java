package dev.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.neuralstyle.testkit.AdversarialTable;
import dev.neuralstyle.testkit.PickleWriter;
import dev.neuralstyle.testkit.TinyWeightFiles;
import dev.neuralstyle.testkit.TorchFiles;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line half of the adversarial suite (issue 15): one row per hostile input, each
 * answered with the expected exit code and one {@code error:} line holding the expected words (no
 * stack trace, no exception class name), within a bounded time, and with no file left in the output
 * directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdversarialCliTest {
  @TempDir static Path dir;
  private Path in;
  private Path out;
  private Path content;
  private Path style;
  private Path weights;
  private Path fifo;
  private final AdversarialTable table = new AdversarialTable();
  private HttpServer http;
  private String httpBase;

  /** The catalog file of {@code weights download vgg19} (Keras, MD5 and size published). */
  private static final String KERAS = "vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5";

  /** One hostile command line and what it must get. */
  record Case(String finding, String name, int exit, String words, Supplier<String[]> args) {}

  @BeforeAll
  void inputs() throws Exception {
    in = Files.createDirectories(dir.resolve("in"));
    out = Files.createDirectories(dir.resolve("out"));
    content = TestImages.ramp(in.resolve("content.png"), 40, 30);
    style = TestImages.ramp(in.resolve("style.png"), 32, 32);
    weights =
        TinyWeightFiles.writeSafetensors(
            in.resolve("tiny.safetensors"), TinyWeightFiles.vgg19Convs(2, 7), Map.of());
    fifo = in.resolve("fifo");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    if (p.waitFor() != 0) {
      fifo = null;
    }
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    http.createContext("/", AdversarialCliTest::misbehave);
    http.start();
    httpBase = "http://127.0.0.1:" + http.getAddress().getPort();
  }

  @AfterAll
  void stopServer() {
    http.stop(0);
  }

  /**
   * A weights mirror that misbehaves by its first path segment: {@code /huge/} announces 10^15
   * bytes, {@code /endless/} sends bytes without end (until the client hangs up, at most 256 MB),
   * {@code /stall/} announces 80 MB, sends 1 MB and waits, {@code /missing/} answers 404.
   */
  private static void misbehave(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] chunk = new byte[1 << 16];
    try (exchange) {
      if (path.startsWith("/huge/")) {
        exchange.sendResponseHeaders(200, 1_000_000_000_000_000L);
        exchange.getResponseBody().write(chunk);
      } else if (path.startsWith("/endless/")) {
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        for (int i = 0; i < 4096; i++) {
          body.write(chunk);
        }
      } else if (path.startsWith("/stall/")) {
        exchange.sendResponseHeaders(200, 80_134_624);
        OutputStream body = exchange.getResponseBody();
        for (int i = 0; i < 16; i++) {
          body.write(chunk);
        }
        body.flush();
        Thread.sleep(60_000);
      } else {
        exchange.sendResponseHeaders(404, -1);
      }
    } catch (IOException e) {
      // the client hung up or the body was cut short: that is what these answers test
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String[] download(Path cache, String url, String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of("weights", "download", "vgg19", "--cache-dir", cache.toString(), "--url", url));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  private String[] transfer(String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "transfer",
                "--content",
                content.toString(),
                "--style",
                style.toString(),
                "--weights",
                weights.toString(),
                "--size",
                "32",
                "--iterations",
                "2",
                "--content-layers",
                "relu1_2",
                "--style-layers",
                "relu1_1",
                "--output",
                out.resolve("r.png").toString()));
    // later values of an option replace earlier ones in this helper
    for (int i = 0; i < extra.length; i += 2) {
      int at = a.indexOf(extra[i]);
      if (at > 0 && i + 1 < extra.length && !extra[i].equals("--style-mask")) {
        a.set(at + 1, extra[i + 1]);
      } else {
        a.add(extra[i]);
        if (i + 1 < extra.length) {
          a.add(extra[i + 1]);
        }
      }
    }
    return a.toArray(String[]::new);
  }

  private Path resource(String name) throws IOException {
    Path target = in.resolve(name);
    if (!Files.exists(target)) {
      try (InputStream s = getClass().getResourceAsStream("/adversarial/" + name)) {
        Files.copy(s, target);
      }
    }
    return target;
  }

  List<Case> cases() throws Exception {
    List<Case> c = new ArrayList<>();
    // 3: deep pickles
    Path deepPid = pickle("deep-pid.pth", deepPersistentId(1000));
    Path deepKey = pickle("deep-key.pth", deepKey(3000));
    c.add(
        new Case(
            "3",
            "pid tuple 1000 deep (info)",
            1,
            "nests tuples more than 100 deep",
            () -> new String[] {"weights", "info", deepPid.toString()}));
    c.add(
        new Case(
            "3",
            "dict key 3000 deep (info)",
            1,
            "nests tuples more than 100 deep",
            () -> new String[] {"weights", "info", deepKey.toString()}));
    c.add(
        new Case(
            "3",
            "dict key 3000 deep (transfer)",
            1,
            "nests tuples",
            () -> transfer("--weights", deepKey.toString())));
    c.add(
        new Case(
            "3",
            "dict key 3000 deep (serve)",
            1,
            "nests tuples",
            () ->
                new String[] {
                  "serve",
                  "--port",
                  "0",
                  "--data-dir",
                  out.resolve("srv").toString(),
                  "--weights",
                  deepKey.toString()
                }));
    Path listKey = pickle("list-key.pth", listKey());
    c.add(
        new Case(
            "3",
            "list as dict key",
            1,
            "unhashable",
            () -> new String[] {"weights", "info", listKey.toString()}));
    PickleWriter framed = new PickleWriter().proto().op(0x95);
    for (int i = 0; i < 8; i++) {
      framed.op(0);
    }
    Path frame = pickle("frame.pth", framed.none().stop().toByteArray());
    c.add(
        new Case(
            "14",
            "FRAME-ended pickle of None",
            1,
            "holds a pickled None",
            () -> new String[] {"weights", "info", frame.toString()}));
    // 4, 6: HDF5 links
    Path loop = resource("soft-link-loop.h5");
    Path weightLoop = resource("weight-link-loop.h5");
    Path external = resource("external-link.h5");
    c.add(
        new Case(
            "4",
            "HDF5 soft-link loop (layer)",
            1,
            "soft links",
            () -> new String[] {"weights", "info", loop.toString()}));
    c.add(
        new Case(
            "4",
            "HDF5 soft-link loop (weight)",
            1,
            "soft links",
            () -> new String[] {"weights", "info", weightLoop.toString()}));
    c.add(
        new Case(
            "4",
            "HDF5 soft-link loop (serve)",
            1,
            "soft links",
            () ->
                new String[] {
                  "serve",
                  "--port",
                  "0",
                  "--data-dir",
                  out.resolve("srv").toString(),
                  "--weights",
                  loop.toString()
                }));
    c.add(
        new Case(
            "6",
            "HDF5 external link",
            1,
            "external link",
            () -> new String[] {"weights", "info", external.toString()}));
    // 5: FIFOs wherever a file is read
    if (fifo != null) {
      String f = fifo.toString();
      c.add(
          new Case(
              "5",
              "weights verify FIFO",
              1,
              "not a regular file",
              () -> new String[] {"weights", "verify", f}));
      c.add(
          new Case(
              "5",
              "weights info FIFO",
              1,
              "not a regular file",
              () -> new String[] {"weights", "info", f}));
      c.add(
          new Case("5", "--weights FIFO", 1, "not a regular file", () -> transfer("--weights", f)));
      c.add(
          new Case("5", "--content FIFO", 1, "not a regular file", () -> transfer("--content", f)));
      c.add(new Case("5", "--style FIFO", 1, "not a regular file", () -> transfer("--style", f)));
      c.add(
          new Case(
              "5",
              "--content-mask FIFO",
              1,
              "not a regular file",
              () -> transfer("--content-mask", f)));
      Path mask = twoToneMask(in.resolve("two-tone.png"), 40, 30);
      c.add(
          new Case(
              "5",
              "--style-mask FIFO",
              1,
              "not a regular file",
              () -> transfer("--content-mask", mask.toString(), "--style-mask", f)));
      c.add(new Case("5", "--init FIFO", 1, "not a regular file", () -> transfer("--init", f)));
      c.add(new Case("5", "--resume FIFO", 2, "does not exist", () -> transfer("--resume", f)));
    }
    // 8: masks
    Path noisy = noisyMask(in.resolve("noisy.png"), 40, 30);
    Path wide = TestImages.ramp(in.resolve("wide-mask.png"), 80, 20);
    c.add(
        new Case(
            "8",
            "mask of many small colours",
            1,
            "none covers 0.5%",
            () -> transfer("--content-mask", noisy.toString())));
    c.add(
        new Case(
            "8",
            "mask of the wrong shape",
            1,
            "aspect ratio",
            () -> transfer("--content-mask", wide.toString())));
    // 9, 17: memory refused early
    Path huge = hugePng(in.resolve("huge.png"), 26000, 26000);
    c.add(
        new Case(
            "9", "--style-scale 1e9", 2, "--style-scale", () -> transfer("--style-scale", "1e9")));
    c.add(
        new Case(
            "9",
            "26000x26000 PNG, raised --max-pixels",
            1,
            "Java heap",
            () -> transfer("--content", huge.toString(), "--max-pixels", "1000000000")));
    c.add(
        new Case(
            "9",
            "26000x26000 PNG at the default cap",
            1,
            "over the cap",
            () -> transfer("--content", huge.toString())));
    c.add(
        new Case(
            "17",
            "--size 16384 refused before work",
            1,
            "needs about",
            () -> transfer("--size", "16384")));
    // 10: inputs never overwritten
    c.add(
        new Case(
            "10",
            "--output equal to --content",
            2,
            "destroy",
            () -> transfer("--output", content.toString())));
    c.add(
        new Case(
            "10",
            "--record onto the content image",
            2,
            ".json",
            () -> transfer("--record", content.toString())));
    c.add(
        new Case(
            "10",
            "--panel onto the style image",
            2,
            "destroy",
            () -> transfer("--panel", style.toString())));
    // 11: empty layer lists
    c.add(
        new Case(
            "11", "--style-layers ,", 2, "--style-layers", () -> transfer("--style-layers", ",")));
    c.add(
        new Case(
            "11",
            "--content-layers ,",
            2,
            "--content-layers",
            () -> transfer("--content-layers", ",")));
    // 14: clear one-line messages
    Path thin = TestImages.ramp(in.resolve("thin.png"), 1, 400);
    c.add(
        new Case(
            "14",
            "1x400 content image",
            1,
            "each side must be at least",
            () -> transfer("--content", thin.toString())));
    Path snap = TestImages.ramp(in.resolve("snap-99999999999.png"), 40, 30);
    c.add(
        new Case(
            "14",
            "--resume snap-99999999999.png",
            2,
            "at most 10000000 iterations",
            () -> transfer("--resume", snap.toString())));
    c.add(
        new Case(
            "14",
            "--url file:///",
            2,
            "http:// or https://",
            () ->
                new String[] {
                  "weights",
                  "download",
                  "vgg19",
                  "--cache-dir",
                  out.resolve("cache").toString(),
                  "--url",
                  "file:///etc/passwd"
                }));
    c.add(
        new Case(
            "14",
            "600-digit number",
            2,
            "(600 characters)",
            () -> transfer("--size", "9".repeat(600))));
    c.add(
        new Case(
            "14",
            "300-character output name",
            1,
            "bytes long",
            () -> transfer("--output", out.resolve("x".repeat(300) + ".png").toString())));
    c.add(
        new Case(
            "14",
            "--preset gatys with --style-layers",
            1,
            "needs about",
            () ->
                transfer(
                    "--preset",
                    "gatys",
                    "--style-layers",
                    "relu1_1,relu1_2",
                    "--content-layers",
                    "relu1_2",
                    "--size",
                    "16384")));
    // 15: garbage in run records
    Path bigEvals =
        record(
            "evals.json",
            r -> r.replaceFirst("\"evaluations\"\\s*:\\s*\\d+", "\"evaluations\" : 1099511627776"));
    Path stringSteps =
        record(
            "steps.json",
            // the first step's iteration (result.first, earlier in the file, is a summary the
            // reader does not take back)
            r ->
                r.replaceFirst(
                    "(\"steps\"\\s*:\\s*\\[\\s*\\{[^}]*?\"iteration\"\\s*:\\s*)(\\d+)",
                    "$1\"$2\""));
    Path badSize =
        record("size.json", r -> r.replaceFirst("\"size\"\\s*:\\s*32", "\"size\" : 3567587328"));
    Path fifoContent =
        fifo == null
            ? null
            : record("fifo.json", r -> r.replace(content.toString(), fifo.toString()));
    c.add(
        new Case(
            "15",
            "evaluations 2^40",
            2,
            "must be between 0 and 10000000",
            () -> transfer("--resume", bigEvals.toString())));
    c.add(
        new Case(
            "15",
            "steps as strings",
            2,
            "must be an integer",
            () -> transfer("--resume", stringSteps.toString())));
    c.add(
        new Case(
            "15",
            "size beyond int",
            2,
            "3567587328",
            () -> transfer("--resume", badSize.toString())));
    if (fifoContent != null) {
      c.add(
          new Case(
              "5",
              "run record whose content is a FIFO",
              1,
              "not a regular file",
              () ->
                  new String[] {
                    "transfer",
                    "--resume",
                    fifoContent.toString(),
                    "--output",
                    out.resolve("r2.png").toString()
                  }));
    }
    // 16: --resume RECORD uses the record's weights
    Path otherWeights =
        record(
            "weights.json",
            r -> r.replace(weights.toString(), in.resolve("gone.safetensors").toString()));
    c.add(
        new Case(
            "16",
            "--resume uses the record's weights",
            1,
            "gone.safetensors",
            () ->
                new String[] {
                  "transfer",
                  "--resume",
                  otherWeights.toString(),
                  "--output",
                  out.resolve("r3.png").toString()
                }));
    // 16: an explicit --weights other than the record's is refused
    Path otherTiny =
        TinyWeightFiles.writeSafetensors(
            in.resolve("other.safetensors"), TinyWeightFiles.vgg19Convs(2, 8), Map.of());
    Path baseJson = dir.resolve("base").resolve("base.json");
    c.add(
        new Case(
            "16",
            "--resume RECORD with another --weights",
            2,
            "is not the weights file the run record",
            () ->
                new String[] {
                  "transfer",
                  "--resume",
                  baseJson.toString(),
                  "--weights",
                  otherTiny.toString(),
                  "--output",
                  out.resolve("r4.png").toString()
                }));
    // 12, 13: downloads from a misbehaving mirror (the cache directories exist beforehand, so an
    // empty one is not "left behind")
    Path cache12 = Files.createDirectories(out.resolve("cache-12"));
    String anySha = "0".repeat(64); // --sha256 replaces the catalog's digest and size: size unknown
    c.add(
        new Case(
            "12",
            "Content-Length 10^15, size unpublished",
            1,
            "announces 1,000,000,000,000,000 bytes; at most 2,147,483,648",
            () -> download(cache12, httpBase + "/huge/" + KERAS, "--sha256", anySha)));
    c.add(
        new Case(
            "12",
            "Content-Length 10^15, size in the catalog",
            1,
            "serves 1,000,000,000,000,000 bytes but " + KERAS + " has 80,134,624",
            () -> download(cache12, httpBase + "/huge/" + KERAS)));
    c.add(
        new Case(
            "12",
            "endless body, size unpublished",
            1,
            "longer than 2,000,000 bytes, the most accepted for a file of unpublished size",
            () ->
                download(
                    cache12,
                    httpBase + "/endless/" + KERAS,
                    "--sha256",
                    anySha,
                    "--max-unknown-size",
                    "2000000")));
    Path cache13 = Files.createDirectories(out.resolve("cache-13"));
    c.add(
        new Case(
            "13",
            "corrupt cached file, mirror down",
            1,
            "the cached copy did not match the catalog and was deleted",
            () -> {
              // written after the listing "before": the row checks that it is gone afterwards
              try {
                Files.write(cache13.resolve(KERAS), new byte[1000]);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              return download(cache13, httpBase + "/missing/" + KERAS);
            }));
    // 18: weights info leniency
    Path junk = safetensorsHeader("junk.safetensors", h -> h + "junk");
    Path lower = safetensorsHeader("lower.safetensors", h -> h.replace("\"F32\"", "\"f32\""));
    c.add(
        new Case(
            "18",
            "junk after the header JSON",
            1,
            "invalid JSON header",
            () -> new String[] {"weights", "info", junk.toString()}));
    c.add(
        new Case(
            "18",
            "lower-case dtype",
            1,
            "f32",
            () -> new String[] {"weights", "info", lower.toString()}));
    return c;
  }

  @TestFactory
  Stream<DynamicTest> every_hostile_input_gets_one_clear_line() throws Exception {
    return cases().stream()
        .map(
            k ->
                DynamicTest.dynamicTest(
                    "finding " + k.finding() + ": " + k.name(),
                    () ->
                        table.row(
                            k.finding(),
                            k.name(),
                            () ->
                                assertTimeoutPreemptively(
                                    Duration.ofSeconds(60), () -> check(k)))));
  }

  /**
   * Finding 16: a transfer stopped by Ctrl-C writes its image and record, prints one line with the
   * command that continues it, and that command resumes the same run. The test sends SIGINT, or
   * SIGTERM (the same shutdown hook) when this JVM was started with SIGINT ignored, as a job in the
   * background of a non-interactive shell is, so that its children could not receive it.
   */
  @Test
  void a_stopped_transfer_prints_the_command_that_continues_it() throws Throwable {
    table.row(
        "16",
        "Ctrl-C mid-run: exact resume command",
        () -> {
          Path runDir = Files.createDirectories(dir.resolve("stopped"));
          Path image = runDir.resolve("r.png");
          Process p =
              spawn(
                  runDir.resolve("err.txt"),
                  transfer(
                      "--iterations",
                      "1000000",
                      "--tolerance",
                      "0",
                      "--save-every",
                      "5",
                      "--output",
                      image.toString()));
          awaitFile(p, () -> firstSnapshot(runDir), runDir.resolve("err.txt"));
          boolean sigint = !sigintIgnored();
          if (sigint) {
            assertEquals(0, new ProcessBuilder("kill", "-INT", "" + p.pid()).start().waitFor());
          } else {
            p.destroy(); // SIGTERM
          }
          assertTrue(p.waitFor(60, TimeUnit.SECONDS), "no exit within 60 s after the signal");
          String err = Files.readString(runDir.resolve("err.txt"));
          assertEquals(sigint ? 130 : 143, p.exitValue(), err);
          List<String> stopped = err.lines().filter(l -> l.startsWith("stopped after ")).toList();
          assertEquals(1, stopped.size(), err);
          assertFalse(err.contains("\tat "), err);
          String line = stopped.get(0);
          int done = Integer.parseInt(line.replaceAll("stopped after (\\d+) iterations.*", "$1"));
          String command = line.substring(line.indexOf("to continue: ") + "to continue: ".length());
          List<String> words = shellWords(command);
          assertEquals(List.of("neural-style", "transfer"), words.subList(0, 2), line);
          assertEquals(runDir.resolve("r.json").toString(), words.get(words.size() - 1), line);
          TransferOptions resumed =
              Cli.transferOptions(words.subList(2, words.size()).toArray(String[]::new));
          assertEquals(done, resumed.resume().iterationsDone(), line);
          assertEquals(image, resumed.outputs().image(), line);
          assertEquals(weights, resumed.weights(), line);
          try (Stream<Path> left = Files.list(runDir)) {
            List<String> names = left.map(f -> f.getFileName().toString()).toList();
            assertTrue(names.contains("r.png") && names.contains("r.json"), names.toString());
            assertTrue(
                names.stream().allMatch(n -> n.equals("err.txt") || n.matches("r[-.].*")),
                "a temporary file was left: " + names);
          }
        });
  }

  /**
   * Finding 16: SIGTERM in the middle of a download exits with one line saying where the bytes are
   * kept and how to resume; no file appears under the final name.
   */
  @Test
  void sigterm_during_a_download_says_how_to_resume_and_leaves_no_final_file() throws Throwable {
    table.row(
        "16",
        "SIGTERM during a download",
        () -> {
          Path cache = Files.createDirectories(dir.resolve("sigterm-cache"));
          Path err = dir.resolve("sigterm-err.txt");
          Path part = cache.resolve(KERAS + ".part");
          Process p = spawn(err, download(cache, httpBase + "/stall/" + KERAS));
          awaitFile(
              p,
              () -> {
                try {
                  return Files.exists(part) && Files.size(part) > 0;
                } catch (IOException e) {
                  return false;
                }
              },
              err);
          p.destroy();
          assertTrue(p.waitFor(60, TimeUnit.SECONDS), "no exit within 60 s after SIGTERM");
          String text = Files.readString(err);
          assertEquals(143, p.exitValue(), text);
          List<String> stopped = text.lines().filter(l -> l.contains("stopped")).toList();
          assertEquals(
              List.of(
                  "download of "
                      + KERAS
                      + " stopped; the bytes so far are kept in "
                      + part
                      + ": run the same command again to resume"),
              stopped,
              text);
          assertFalse(text.contains("error:") || text.contains("\tat "), text);
          assertFalse(Files.exists(cache.resolve(KERAS)), "a file under the final name");
          assertTrue(Files.size(part) > 0, "the part file is kept for resuming");
        });
  }

  /**
   * Finding 18: a weights file's metadata is shown escaped and bounded. An ANSI escape, a bell or a
   * line break in a key or value never reaches the terminal raw (a file could clear the screen or
   * fake an output line), and a file with 200,000 entries prints 50 and a count, not 200,000 lines.
   * These files are valid, so {@code weights info} succeeds (exit 0) within 60 s.
   */
  @TestFactory
  Stream<DynamicTest> weights_info_shows_hostile_metadata_escaped_and_bounded() throws IOException {
    Map<String, String> hostile = new LinkedHashMap<>();
    hostile.put("title\u001b[2J", "\u001b[31mred\u001b[0m\u0007\r\nsha256:      forged");
    Path ansi =
        TinyWeightFiles.writeSafetensors(
            in.resolve("ansi.safetensors"), TinyWeightFiles.vgg19Convs(2, 7), hostile);
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i < 200_000; i++) {
      many.put("k" + i, "v" + i);
    }
    Path crowded =
        TinyWeightFiles.writeSafetensors(
            in.resolve("crowded.safetensors"), TinyWeightFiles.vgg19Convs(2, 7), many);
    return Stream.of(
        DynamicTest.dynamicTest(
            "finding 18: ANSI escapes and line breaks in metadata",
            () ->
                table.row(
                    "18",
                    "ANSI escapes and line breaks in metadata",
                    () ->
                        assertTimeoutPreemptively(
                            Duration.ofSeconds(60),
                            () -> {
                              Cli.Result r = Cli.run("weights", "info", ansi.toString());
                              assertEquals(0, r.exitCode(), r.toString());
                              assertTrue(
                                  r.out().chars().noneMatch(ch -> ch < 0x20 && ch != '\n'),
                                  "a control character was printed raw: " + r);
                              assertEquals(
                                  1,
                                  r.out().lines().filter(l -> l.startsWith("sha256:")).count(),
                                  r.toString());
                              assertEquals(
                                  1,
                                  r.out().lines().filter(l -> l.startsWith("metadata:")).count(),
                                  r.toString());
                            }))),
        DynamicTest.dynamicTest(
            "finding 18: 200,000 metadata entries",
            () ->
                table.row(
                    "18",
                    "200,000 metadata entries",
                    () ->
                        assertTimeoutPreemptively(
                            Duration.ofSeconds(60),
                            () -> {
                              Cli.Result r = Cli.run("weights", "info", crowded.toString());
                              assertEquals(0, r.exitCode(), r.toString());
                              List<String> shown =
                                  r.out().lines().filter(l -> l.startsWith("metadata:")).toList();
                              assertEquals(51, shown.size(), shown.size() + " metadata lines");
                              assertEquals(
                                  "metadata:    … 199,950 more entries not shown", shown.get(50));
                            }))));
  }

  /** Whether this process ignores SIGINT (its children then do too). */
  private static boolean sigintIgnored() throws IOException {
    String mask =
        Files.readAllLines(Path.of("/proc/self/status")).stream()
            .filter(l -> l.startsWith("SigIgn:"))
            .map(l -> l.substring("SigIgn:".length()).trim())
            .findFirst()
            .orElse("0");
    return (Long.parseUnsignedLong(mask, 16) & 0x2) != 0;
  }

  /** Runs the CLI in its own JVM (signals cannot be sent to this one), stderr to {@code err}. */
  private static Process spawn(Path err, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.neuralstyle.cli.Main"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(err.toFile())
        .start();
  }

  /** Waits (at most 120 s) until {@code ready} holds while {@code p} runs. */
  private static void awaitFile(Process p, java.util.function.BooleanSupplier ready, Path err)
      throws IOException, InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!ready.getAsBoolean()) {
      if (!p.isAlive() || System.nanoTime() > end) {
        p.destroyForcibly();
        throw new AssertionError("the command did not get going: " + Files.readString(err));
      }
      Thread.sleep(20);
    }
  }

  private static boolean firstSnapshot(Path runDir) {
    try (Stream<Path> s = Files.list(runDir)) {
      return s.anyMatch(f -> f.getFileName().toString().matches("r-\\d+\\.png"));
    } catch (IOException e) {
      return false;
    }
  }

  /** The words of a command line quoted the way {@link ResumeHint} quotes them. */
  private static List<String> shellWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '\'') {
        quoted = !quoted;
        any = true;
      } else if (ch == ' ' && !quoted) {
        if (any) {
          words.add(w.toString());
        }
        w.setLength(0);
        any = false;
      } else {
        w.append(ch);
        any = true;
      }
    }
    if (any) {
      words.add(w.toString());
    }
    return words;
  }

  @AfterAll
  void writeTable() {
    table.write("adversarial-cli");
  }

  private void check(Case k) throws IOException {
    List<String> before = listing();
    Cli.Result r = Cli.run(k.args().get());
    assertEquals(k.exit(), r.exitCode(), k.name() + ": " + r);
    List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
    assertEquals(1, errors.size(), k.name() + ": " + r);
    String line = errors.get(0);
    assertTrue(line.contains(k.words()), k.name() + ": " + line);
    assertFalse(line.matches(".*[A-Za-z]+(Exception|Error)\\b.*"), k.name() + ": " + line);
    assertFalse(r.err().contains("\tat "), k.name() + ": " + r);
    assertTrue(line.length() < 700, k.name() + ": " + line.length());
    assertEquals(before, listing(), k.name() + ": files were left behind");
  }

  /** Every other command's output: only the run outputs tested for are under out/. */
  private List<String> listing() throws IOException {
    try (Stream<Path> s = Files.walk(out)) {
      return s.map(p -> out.relativize(p).toString()).sorted().toList();
    }
  }

  // ---- inputs -------------------------------------------------------------------------------

  private Path pickle(String name, byte[] pkl) throws IOException {
    return TorchFiles.writeZip(in.resolve(name), "archive", pkl);
  }

  private static byte[] deepPersistentId(int depth) {
    PickleWriter p = new PickleWriter().proto().op('}').mark().string("conv1_1.weight");
    p.op(')');
    for (int i = 0; i < depth; i++) {
      p.op(0x85);
    }
    return p.op('Q').op('u').stop().toByteArray();
  }

  private static byte[] deepKey(int depth) {
    PickleWriter p = new PickleWriter().proto().op('}');
    p.op(')');
    for (int i = 0; i < depth; i++) {
      p.op(0x85);
    }
    return p.none().op('s').stop().toByteArray();
  }

  private static byte[] listKey() {
    return new PickleWriter().proto().op('}').op(']').none().op('s').stop().toByteArray();
  }

  private static Path noisyMask(Path file, int w, int h) throws IOException {
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
    int i = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(
            x, y, (i++ * 2654435761L % 0xffffff) > 0 ? (int) (i * 2654435761L & 0xffffff) : 1);
      }
    }
    javax.imageio.ImageIO.write(img, "png", file.toFile());
    return file;
  }

  /** A region mask of two flat colours: the left half black, the right half white. */
  private static Path twoToneMask(Path file, int w, int h) throws IOException {
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = w / 2; x < w; x++) {
        img.setRGB(x, y, 0xffffff);
      }
    }
    javax.imageio.ImageIO.write(img, "png", file.toFile());
    return file;
  }

  /** A PNG whose header says {@code w x h}; the pixel data is a token, never reached. */
  private static Path hugePng(Path file, int w, int h) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream o = new DataOutputStream(bytes);
    o.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteBuffer ihdr = ByteBuffer.allocate(13).order(ByteOrder.BIG_ENDIAN);
    ihdr.putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(o, "IHDR", ihdr.array());
    chunk(o, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(o, "IEND", new byte[0]);
    return Files.write(file, bytes.toByteArray());
  }

  private static void chunk(DataOutputStream o, String type, byte[] data) throws IOException {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    o.writeInt(data.length);
    o.write(t);
    o.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    o.writeInt((int) crc.getValue());
  }

  private String baseRecord;

  /** A real run record (from a 2-iteration run), edited by {@code edit}. */
  private Path record(String name, java.util.function.UnaryOperator<String> edit)
      throws IOException {
    if (baseRecord == null) {
      Path runDir = Files.createDirectories(dir.resolve("base"));
      Cli.Result r =
          Cli.run(
              "transfer",
              "--content",
              content.toString(),
              "--style",
              style.toString(),
              "--weights",
              weights.toString(),
              "--size",
              "32",
              "--iterations",
              "2",
              "--content-layers",
              "relu1_2",
              "--style-layers",
              "relu1_1",
              "--output",
              runDir.resolve("base.png").toString(),
              "--quiet");
      assertEquals(0, r.exitCode(), r.toString());
      baseRecord = Files.readString(runDir.resolve("base.json"));
    }
    String edited = edit.apply(baseRecord);
    assertFalse(edited.equals(baseRecord), name + ": the edit changed nothing");
    return Files.writeString(in.resolve(name), edited);
  }

  private Path safetensorsHeader(String name, java.util.function.UnaryOperator<String> edit)
      throws IOException {
    Path f =
        TinyWeightFiles.writeSafetensors(
            in.resolve(name), TinyWeightFiles.vgg19Convs(2, 7), new LinkedHashMap<>());
    byte[] all = Files.readAllBytes(f);
    long n = ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    String header = new String(all, 8, (int) n, StandardCharsets.UTF_8);
    byte[] h = edit.apply(header.stripTrailing()).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
    o.write(h);
    o.write(all, 8 + (int) n, all.length - 8 - (int) n);
    return Files.write(f, o.toByteArray());
  }
}
