package org.kehou.enrollment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewOpening;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.OpeningPurpose;
import org.kehou.catalog.VenueKind;
import org.kehou.organization.OrganizationQueries;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * On a 390-px phone (SCOPE-3): the demo guardian opens the weekend openings of their children's school, books one
 * child a place and sees the booking and the places left; then the school admin opens who booked, on a page that
 * prints. No page is wider than the phone.
 */
@BrowserTest
@ActiveProfiles("test")
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties =
                "spring.datasource.url=jdbc:h2:mem:booking-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class GuardianBooksOpeningBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    DemoFixtures demo;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    OrganizationQueries queries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    WebDriver browser;

    @BeforeEach
    void start() {
        browser = Browsers.phone(390, 844);
    }

    @AfterEach
    void stop() {
        browser.quit();
    }

    @Test
    void aGuardianBooksAWeekendOpeningAndTheSchoolSeesTheBooking() throws Exception {
        UserScope admin = demo.scope("JX-PS-ADMIN");
        UUID venue = catalog.addVenue(admin, admin.schoolId(), new NewVenue("周末操场", VenueKind.SPORTS_GROUND, 60));
        UUID staff = queries.staff(admin, admin.schoolId()).getFirst().id();
        LocalDate saturday = LocalDate.now(clock)
                .with(TemporalAdjusters.next(DayOfWeek.SATURDAY))
                .plusWeeks(1);
        UUID opening = catalog.planOpening(
                admin,
                admin.schoolId(),
                new NewOpening(
                        venue,
                        saturday,
                        LocalTime.of(9, 0),
                        LocalTime.of(11, 30),
                        2,
                        OpeningPurpose.ENRICHMENT,
                        List.of(staff)));
        catalog.publishOpening(admin, opening);
        UUID child = jdbc.sql(
                        "select student_id from organization.student_guardian where guardian_id = :g order by student_id limit 1")
                .param("g", demo.scope("19900000001").guardianId())
                .query(UUID.class)
                .single();

        signIn("19900000001");
        browser.get(url("/guardian/openings"));
        By book = By.id("book-" + opening + "-" + child);
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(book));
        Browsers.assertFitsThePhone(browser);
        click(book);
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("bookings")));
        assertThat(browser.findElement(By.cssSelector("#opening-" + opening + "-" + child))
                        .getText())
                .contains("已预约")
                .contains("剩余名额 1 / 2");
        Browsers.assertFitsThePhone(browser);
        screenshot("/tmp/rosters-guardian-openings.png");

        browser.manage().deleteAllCookies();
        signIn("JX-PS-ADMIN");
        browser.get(url("/school/bookings/" + opening));
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("booked-" + child)));
        assertThat(browser.findElement(By.id("print")).isDisplayed()).isTrue();
        screenshot("/tmp/rosters-school-bookings.png");
        assertThat(jdbc.sql(
                                "select count(*) from enrollment.opening_booking where opening_id = :o and status = 'BOOKED'")
                        .param("o", opening)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private void screenshot(String path) throws Exception {
        Files.write(Path.of(path), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private void signIn(String login) {
        browser.get(url("/login"));
        browser.findElement(By.id("login")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(DemoFixtures.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void click(By by) {
        WebElement element = browser.findElement(by);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        waitFor().until(ExpectedConditions.elementToBeClickable(element));
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", element);
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
