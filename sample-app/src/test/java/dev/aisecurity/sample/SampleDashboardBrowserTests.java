package dev.aisecurity.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;

import dev.aisecurity.guard.pii.PiiScanner;
import dev.aisecurity.web.mfa.Base32;
import dev.aisecurity.web.mfa.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The security dashboard end to end in a real headless Chromium: sign in as the demo
 * administrator in the browser (password, then the TOTP step), send a message whose
 * answer gets redacted, see the verdict with its codes and the PII counter go up, and
 * keep a screenshot in {@code target/dashboard.png}. Uses the system's Chromium and
 * chromedriver (Debian packages {@code chromium} and {@code chromium-driver}) at explicit
 * paths, so Selenium Manager never downloads anything; skipped where they are missing.
 */
// a context of its own: TOTP codes work once per principal and time step, and other tests
// of the shared context use the demo admin's codes too
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "sample.test-context=dashboard-browser")
class SampleDashboardBrowserTests {

	private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));

	private static final String TOTP_SECRET = "UPLSDNO64TBDNEURXVMFASCOPR3BDIWG";

	private static final Duration WAIT = Duration.ofSeconds(15);

	@LocalServerPort
	private int port;

	@TempDir
	private Path profile;

	private WebDriver driver;

	@BeforeEach
	void startBrowser() {
		assumeTrue(executable(CHROMIUM) && executable(CHROMEDRIVER),
				() -> "Skipped: no headless browser at " + CHROMIUM + " and " + CHROMEDRIVER
						+ " (install the Debian packages chromium and chromium-driver, as .ci/run does, "
						+ "or set -Dchromium.binary and -Dchromium.driver)");
		// an explicit driver and browser: Selenium Manager must not look for (download)
		// either
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,1600", "--user-data-dir=" + this.profile);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(WAIT);
	}

	@AfterEach
	void stopBrowser() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@Test
	void adminSignsInChatsAndSeesTheRedactionAndTheCounter() throws Exception {
		try {
			signInChatAndCheck();
		}
		catch (Exception | AssertionError ex) {
			// keep what the browser showed, for the CI log
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target", "dashboard-failure.html"),
					this.driver.getCurrentUrl() + "\n" + this.driver.getPageSource());
			Files.write(Path.of("target", "dashboard-failure.png"),
					((ChromeDriver) this.driver).getScreenshotAs(OutputType.BYTES));
			throw ex;
		}
	}

	private void signInChatAndCheck() throws Exception {
		WebDriverWait wait = new WebDriverWait(this.driver, WAIT);
		this.driver.get("http://localhost:" + this.port + "/ai-security/dashboard");

		// first factor: the starter's form login
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("demo-admin");
		this.driver.findElement(By.id("password")).sendKeys("demo-admin-password");
		this.driver.findElement(By.cssSelector("form button[type=submit]")).click();

		// second factor: the TOTP step
		WebElement code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
		assertThat(this.driver.getCurrentUrl()).contains("factor.type=totp");
		code.sendKeys(totp(Instant.now()));
		this.driver.findElement(By.id("verify")).click();
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("factor.reason=missing")));
		if (this.driver.getCurrentUrl().contains("factor.reason=invalid")) {
			// another test of this context used the code of this time step (codes work
			// once):
			// take the next step's
			long period = Totp.defaults().step().toMillis();
			Thread.sleep(period - System.currentTimeMillis() % period + 200);
			this.driver.findElement(By.id("code")).sendKeys(totp(Instant.now()));
			this.driver.findElement(By.id("verify")).click();
		}

		// the dashboard, with its posture loaded
		wait.until(ExpectedConditions.urlContains("/ai-security/dashboard/"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("posture-summary"), "active"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-section")));
		long before = piiFindings();

		this.driver.findElement(By.id("chat-input")).sendKeys("look up customer 7");
		this.driver.findElement(By.id("chat-send")).click();

		WebElement entry = wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chat-log li:first-child")));
		WebElement verdict = entry.findElement(By.cssSelector(".verdict"));
		assertThat(verdict.getText()).isEqualTo("redacted");
		assertThat(entry.findElement(By.cssSelector(".codes")).getText()).contains("PII_");
		String reply = entry.findElement(By.cssSelector(".reply")).getText();
		assertThat(reply).startsWith("Customer 7:").doesNotContain("@example.com").doesNotContain("4111");

		wait.until((d) -> piiFindings() > before);

		Path screenshot = Path.of("target", "dashboard.png");
		Files.createDirectories(screenshot.getParent());
		Files.write(screenshot, ((ChromeDriver) this.driver).getScreenshotAs(OutputType.BYTES));
		assertThat(screenshot).isNotEmptyFile();

		// the page runs under its Content Security Policy without violations
		List<LogEntry> console = this.driver.manage().logs().get(LogType.BROWSER).getAll();
		assertThat(console).extracting(LogEntry::getMessage)
			.noneMatch((message) -> message.contains("Content Security Policy"));
	}

	private static boolean executable(Path file) {
		return Files.isRegularFile(file) && Files.isExecutable(file);
	}

	private static String totp(Instant now) {
		return Totp.defaults().generate(Base32.decode(TOTP_SECRET), now);
	}

	private long piiFindings() {
		List<WebElement> cells = this.driver
			.findElements(By.cssSelector("#detectors tr[data-detector='" + PiiScanner.ID + "'] td.total"));
		return cells.isEmpty() ? 0 : Long.parseLong(cells.get(0).getText().trim());
	}

}
