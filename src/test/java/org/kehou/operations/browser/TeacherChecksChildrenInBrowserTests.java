package org.kehou.operations.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.operations.EarlyArrivals;
import org.kehou.operations.OperationsFixtures;
import org.kehou.platform.UserScope;
import org.kehou.support.BrowserTest;
import org.kehou.support.Browsers;
import org.kehou.support.DemoFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * On a 390-px phone (SCOPE-1, SCOPE-2): the demo teacher, care staff of the demo early arrivals and supervisor of the
 * demo care group, checks the first expected child in with one tap and sees them in, then opens the extended-care
 * check-out; nothing is wider than the phone. The clock's day is a school day of the demo term with demo arrivals.
 */
@BrowserTest
@ActiveProfiles("test")
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties =
                "spring.datasource.url=jdbc:h2:mem:checkin-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class TeacherChecksChildrenInBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    DemoFixtures demo;

    @Autowired
    EarlyArrivals arrivals;

    @Autowired
    Clock clock;

    WebDriver teacher;

    @BeforeEach
    void start() {
        teacher = Browsers.phone(390, 844);
    }

    @AfterEach
    void stop() {
        teacher.quit();
    }

    @Test
    void theCareStaffChecksAChildInWithOneTapAndOpensTheCheckOut() throws Exception {
        UserScope me = demo.scope("JX-PS-T01");
        LocalDate today = LocalDate.now(clock);
        var day = arrivals.day(me, today);
        assertThat(day.schoolDay()).as("today is a school day").isTrue();
        assertThat(day.expected()).as("today's early arrivals").isNotEmpty();
        var first = day.expected().getFirst();

        teacher.get(url("/login"));
        teacher.findElement(By.id("login")).sendKeys("JX-PS-T01");
        teacher.findElement(By.id("password")).sendKeys(OperationsFixtures.PASSWORD);
        teacher.findElement(By.id("sign-in")).click();
        waitFor(teacher).until(ExpectedConditions.urlContains("/teacher/today"));
        teacher.findElement(By.cssSelector("a.check-in")).click();
        waitFor(teacher).until(ExpectedConditions.visibilityOfElementLocated(By.id("list")));
        Browsers.assertFitsThePhone(teacher);
        screenshot("/tmp/checkin-expected.png");

        WebElement tap = teacher.findElement(By.id("tap-" + first.studentId()));
        ((JavascriptExecutor) teacher).executeScript("arguments[0].click()", tap);
        waitFor(teacher)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("arrival-" + first.studentId()), "已到校"));
        assertThat(teacher.findElement(By.id("arrival-" + first.studentId())).getText())
                .contains("经办：");
        Browsers.assertFitsThePhone(teacher);
        screenshot("/tmp/checkin-checked-in.png");

        teacher.get(url("/teacher/extended-care?date=" + today));
        waitFor(teacher).until(ExpectedConditions.visibilityOfElementLocated(By.id("groups")));
        assertThat(teacher.findElement(By.id("groups")).getText()).contains("延时托管一组");
        Browsers.assertFitsThePhone(teacher);
        screenshot("/tmp/checkin-check-out.png");
    }

    private void screenshot(String path) throws Exception {
        Path shot = ((TakesScreenshot) teacher).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of(path), StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
