package org.kehou.operations.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.operations.OperationsFixtures;
import org.kehou.support.BrowserTest;
import org.kehou.support.Browsers;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * On a 390-px phone (OPS-3): the demo school admin walking the school opens the patrols page and finds the form to
 * record what they see first, above the day's coverage and patrols, with issues to tick in rows a thumb can hit.
 */
@BrowserTest
@ActiveProfiles("test")
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties =
                "spring.datasource.url=jdbc:h2:mem:patrol-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class SchoolAdminPatrolsOnPhoneBrowserTests {

    /** About the smallest target a finger hits reliably, in CSS pixels. */
    private static final int THUMB = 40;

    @LocalServerPort
    int port;

    WebDriver admin;

    @BeforeEach
    void start() {
        admin = Browsers.phone(390, 844);
    }

    @AfterEach
    void stop() {
        admin.quit();
    }

    @Test
    void theFormComesFirstAndItsIssuesAreRowsAThumbCanTick() throws Exception {
        admin.get(url("/login"));
        admin.findElement(By.id("login")).sendKeys("JX-PS-ADMIN");
        admin.findElement(By.id("password")).sendKeys(OperationsFixtures.PASSWORD);
        admin.findElement(By.id("sign-in")).click();
        waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        admin.get(url("/school/patrols"));
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("patrol-form")));
        int form = admin.findElement(By.id("patrol-form")).getLocation().getY();
        int coverage = admin.findElement(By.id("coverage")).getLocation().getY();
        assertThat(form).as("the form above the day's coverage").isLessThan(coverage);

        List<WebElement> issues = admin.findElements(By.cssSelector("#issues .form-check"));
        assertThat(issues).isNotEmpty();
        for (WebElement issue : issues) {
            assertThat(issue.findElement(By.tagName("label")).getSize().getHeight())
                    .as("an issue's label, which ticks it")
                    .isGreaterThanOrEqualTo(THUMB);
        }
        WebElement first = issues.getFirst();
        first.findElement(By.tagName("label")).click();
        assertThat(first.findElement(By.tagName("input")).isSelected())
                .as("tapping the label ticks the issue")
                .isTrue();
        Browsers.assertFitsThePhone(admin);
        Path shot = ((TakesScreenshot) admin).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(
                shot,
                Path.of(System.getProperty("java.io.tmpdir"), "patrols-phone.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(admin, Duration.ofSeconds(30));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
