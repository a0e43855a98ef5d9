package org.kehou.operations.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.operations.OperationsFixtures;
import org.kehou.operations.TeacherDay;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.Term;
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
 * On a 390-px phone (ADR 0014): the demo teacher signs in and lands on their day; on a school day they see their
 * sessions in time order with the number of children and the roll-call link, move to the next day without leaving
 * the page, and nothing is wider than the phone.
 */
@BrowserTest
@ActiveProfiles("test")
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties =
                "spring.datasource.url=jdbc:h2:mem:today-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class TeacherSeesTheirDayBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    DemoFixtures demo;

    @Autowired
    TeacherDay days;

    @Autowired
    OrganizationQueries queries;

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
    void theDemoTeacherLandsOnTheirDayAndSeesTheSessionsWithTheirChildren() throws Exception {
        UserScope me = demo.scope("JX-PS-T01");
        List<Term> terms = queries.termsOfOwnSchool(me);
        LocalDate today = LocalDate.now(clock);
        LocalDate day = today.datesUntil(today.plusDays(200))
                .filter(d -> terms.stream().anyMatch(t -> t.isSchoolDay(d)))
                .filter(d -> !days.of(me, d).sessions().isEmpty())
                .findFirst()
                .orElseThrow();

        teacher.get(url("/login"));
        teacher.findElement(By.id("login")).sendKeys("JX-PS-T01");
        teacher.findElement(By.id("password")).sendKeys(OperationsFixtures.PASSWORD);
        teacher.findElement(By.id("sign-in")).click();
        waitFor(teacher).until(ExpectedConditions.urlContains("/teacher/today"));

        teacher.get(url("/teacher/today?date=" + day));
        waitFor(teacher).until(ExpectedConditions.visibilityOfElementLocated(By.id("session-list")));
        List<WebElement> sessions = teacher.findElements(By.cssSelector("#session-list .session"));
        assertThat(sessions).hasSize(days.of(me, day).sessions().size());
        assertThat(teacher.findElement(By.id("session-list")).getText())
                .contains("第一时段")
                .contains("名学生");
        assertThat(teacher.findElements(By.cssSelector("#session-list a.roll-call")))
                .isNotEmpty();
        Browsers.assertFitsThePhone(teacher);
        screenshot("/tmp/today-teacher-day.png");

        WebElement next = teacher.findElement(By.id("next-day"));
        ((JavascriptExecutor) teacher).executeScript("arguments[0].click()", next);
        waitFor(teacher)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("day-label"), day.plusDays(1).toString()));
        Browsers.assertFitsThePhone(teacher);
        screenshot("/tmp/today-teacher-next-day.png");
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
