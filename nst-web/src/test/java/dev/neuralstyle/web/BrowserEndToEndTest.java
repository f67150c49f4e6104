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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) on a
 * 390 px wide phone viewport: no sideways scrolling (at 360 px too); a bad value reported at its
 * field; a double click on Start makes one job; the live snapshot; the result downloaded; a
 * finished job's View after a reload shows its result and loss curve; a stopped server shows a
 * connection message. Skipped when the browser or its driver is not installed. Leaves a screenshot
 * of the page mid-run in {@code target/screenshots/}.
 */
class BrowserEndToEndTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path dir;

  @Test
  void on_a_phone_errors_at_the_field_one_job_per_double_click_finished_view_and_lost_connection()
      throws Exception {
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

    WebServer server =
        WebServer.start(Fixtures.settings(dir.resolve("data"), Fixtures.weights(dir)));
    boolean stopped = false;
    ChromeDriver browser = new ChromeDriver(service, options);
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
      // Waits on the run itself get longer: a loaded CI machine may be slow.
      WebDriverWait run = new WebDriverWait(browser, Duration.ofMinutes(5));
      // The narrowest phone the page is made for, then a common one (headless windows cannot be
      // narrower than 500 px, so the viewport is emulated).
      phone(browser, 360);
      browser.get("http://127.0.0.1:" + server.port() + "/");
      wait.until(b -> !b.findElements(By.cssSelector("select[name=optimizer] option")).isEmpty());
      assertNoSidewaysScroll(browser);
      phone(browser, 390);
      assertNoSidewaysScroll(browser);
      browser.findElement(By.id("content")).sendKeys(content.toAbsolutePath().toString());
      browser.findElement(By.id("style")).sendKeys(style.toAbsolutePath().toString());
      type(browser, "size", "64");
      type(browser, "iterations", "30");
      browser.findElement(By.cssSelector("#more > summary")).click(); // network and optimiser
      type(browser, "content-layers", "relu2_2");
      type(browser, "style-layers", "relu1_1,relu2_1,relu3_1");

      // A bad value is reported at its field, with the field's label, and gets the focus.
      type(browser, "content-weight", "lots");
      browser.findElement(By.id("start")).click();
      WebElement error =
          wait.until(b -> b.findElement(By.cssSelector(".field.invalid .field-error")));
      assertTrue(error.getText().startsWith("Content weight:"), error.getText());
      WebElement weight = browser.findElement(By.name("content-weight"));
      assertEquals("true", weight.getDomAttribute("aria-invalid"));
      assertEquals(weight, browser.switchTo().activeElement());
      assertEquals(0, server.queue().list().size(), "a rejected form queues nothing");

      // A double click on Start creates one job; the stale error goes.
      type(browser, "content-weight", "5");
      new Actions(browser).doubleClick(browser.findElement(By.id("start"))).perform();
      run.until(
          b ->
              b.findElement(By.id("live-image")).getDomProperty("src") != null
                  && b.findElement(By.id("live-image"))
                      .getDomProperty("src")
                      .startsWith("data:image/png"));
      assertTrue(browser.findElements(By.cssSelector(".field-error")).isEmpty());
      run.until(
          b ->
              Integer.parseInt(b.findElement(By.id("live-progress")).getDomProperty("value"))
                  >= 10);
      assertNoSidewaysScroll(browser);
      Path shots = Files.createDirectories(Path.of("target", "screenshots"));
      File shot = browser.getScreenshotAs(OutputType.FILE);
      Files.copy(
          shot.toPath(),
          shots.resolve("web-mid-run.png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);

      run.until(b -> b.findElement(By.id("live-state")).getText().equals("done"));
      assertEquals(1, server.queue().list().size(), "one job from a double click");
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

      // A fresh page: the gallery's View shows the finished job, its result and its loss curve.
      browser.get("http://127.0.0.1:" + server.port() + "/");
      wait.until(b -> b.findElement(By.id("gallery")).getText().contains("done"));
      browser.findElement(By.cssSelector("#gallery .card button[aria-label^='View']")).click();
      wait.until(b -> b.findElement(By.id("live-state")).getText().equals("done"));
      wait.until(
          b ->
              (Boolean)
                  ((ChromeDriver) b)
                      .executeScript(
                          "const i = document.getElementById('live-image');"
                              + " return i.src.includes('/files/result.png') && i.naturalWidth > 0"
                              + " && document.querySelectorAll('#loss-chart path.series').length"
                              + " > 0"));
      assertNoSidewaysScroll(browser);

      // The server stops: the page says the connection is lost.
      server.close();
      stopped = true;
      WebElement banner = wait.until(b -> b.findElement(By.id("connection")));
      wait.until(b -> banner.isDisplayed());
      assertTrue(banner.getText().contains("connection"), banner.getText());
    } catch (RuntimeException | AssertionError e) {
      Path shots = Files.createDirectories(Path.of("target", "screenshots"));
      Files.copy(
          browser.getScreenshotAs(OutputType.FILE).toPath(),
          shots.resolve("web-failure.png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      throw new AssertionError(
          e.getMessage() + "\npage text:\n" + browser.findElement(By.tagName("body")).getText(), e);
    } finally {
      browser.quit();
      if (!stopped) {
        server.close();
      }
    }
  }

  private static void phone(ChromeDriver browser, int width) {
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", true));
  }

  private static void assertNoSidewaysScroll(ChromeDriver browser) {
    Object widths =
        browser.executeScript(
            "return [document.documentElement.scrollWidth, window.innerWidth].join('x')");
    String[] w = String.valueOf(widths).split("x");
    assertTrue(
        Integer.parseInt(w[0]) <= Integer.parseInt(w[1]),
        "the page is " + w[0] + " px wide in a " + w[1] + " px viewport");
  }

  private static void type(WebDriver browser, String field, String value) {
    WebElement el = browser.findElement(By.name(field));
    el.clear();
    el.sendKeys(value);
  }
}
