package dev.neuralstyle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neuralstyle.testkit.SharedFiles;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}):
 * upload two images, start a job, see a live snapshot, download the result. Skipped when the
 * browser or its driver is not installed. Leaves a screenshot of the page mid-run in {@code
 * target/screenshots/}.
 */
class BrowserEndToEndTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path dir;

  @Test
  void upload_start_watch_the_live_snapshot_and_download_the_result() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "chromium/chromedriver absent");
    Path downloads = Files.createDirectories(dir.resolve("downloads"));
    Path content = dir.resolve("content.png");
    Path style = dir.resolve("style.png");
    Optional<Path> shared = SharedFiles.dir();
    Path photo =
        shared
            .map(d -> d.resolve("images/content/tubingen.jpg"))
            .filter(Files::isRegularFile)
            .orElse(null);
    Path painting =
        shared
            .map(d -> d.resolve("images/style/starry_night.jpg"))
            .filter(Files::isRegularFile)
            .orElse(null);
    if (photo != null && painting != null && SharedFiles.partialVgg19().isPresent()) {
      content = photo;
      style = painting;
    } else {
      Files.write(content, Fixtures.png(64, 48, 0));
      Files.write(style, Fixtures.png(40, 40, 3));
    }

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1200,1000",
        "--user-data-dir=" + dir.resolve("profile"));
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();

    try (WebServer server =
        WebServer.start(Fixtures.settings(dir.resolve("data"), Fixtures.weights(dir)))) {
      WebDriver browser = new ChromeDriver(service, options);
      try {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get("http://127.0.0.1:" + server.port() + "/");
        wait.until(b -> !b.findElements(By.cssSelector("select[name=optimizer] option")).isEmpty());
        browser.findElement(By.id("content")).sendKeys(content.toAbsolutePath().toString());
        browser.findElement(By.id("style")).sendKeys(style.toAbsolutePath().toString());
        type(browser, "size", "64");
        type(browser, "iterations", "60");
        type(browser, "content-layers", "relu2_2");
        type(browser, "style-layers", "relu1_1,relu2_1,relu3_1");
        browser.findElement(By.id("start")).click();

        wait.until(
            b ->
                b.findElement(By.id("live-image")).getDomProperty("src") != null
                    && b.findElement(By.id("live-image"))
                        .getDomProperty("src")
                        .startsWith("data:image/png"));
        // Mid-run: a live snapshot, part of the loss curve, some iterations still to go.
        wait.until(
            b ->
                Integer.parseInt(b.findElement(By.id("live-progress")).getDomProperty("value"))
                    >= 25);
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(
            shot.toPath(),
            shots.resolve("web-mid-run.png"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        wait.until(b -> b.findElement(By.id("live-state")).getText().equals("done"));
        WebElement result =
            wait.until(b -> b.findElement(By.cssSelector("#downloads a[data-file='result.png']")));
        result.click();
        Path file =
            wait.until(
                b -> {
                  try (var list = Files.list(downloads)) {
                    return list.filter(p -> p.toString().endsWith("-result.png"))
                        .findFirst()
                        .orElse(null);
                  } catch (java.io.IOException e) {
                    return null;
                  }
                });
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(64, Math.max(image.getWidth(), image.getHeight()));
        assertTrue(browser.findElement(By.id("gallery")).getText().contains("done"));
      } finally {
        browser.quit();
      }
    }
  }

  private static void type(WebDriver browser, String field, String value) {
    WebElement el = browser.findElement(By.name(field));
    el.clear();
    el.sendKeys(value);
  }
}
