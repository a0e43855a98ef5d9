package org.kehou.enrollment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.Allocation;
import org.kehou.enrollment.EnrollmentFixtures;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.enrollment.EnrollmentManagement;
import org.kehou.enrollment.EnrollmentManagement.NewWindow;
import org.kehou.enrollment.Lotteries;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.TermKind;
import org.kehou.platform.AccountManagement;
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
 * A county-wide lottery on the county admin's phone (ENROL-2): the admin finds the county's lotteries from the
 * navigation, opens the window the demo guardian's child applied to, draws once the window has closed, verifies the
 * draw and reads how the child's result came about; no page is wider than the phone.
 */
@BrowserTest
@ActiveProfiles("test")
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties =
                "spring.datasource.url=jdbc:h2:mem:county-lottery-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class CountyDrawsLotteryBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    EnrollmentManagement enrollment;

    @Autowired
    AccountManagement accounts;

    @Autowired
    Lotteries lotteries;

    @Autowired
    Clock clock;

    WebDriver phone;

    @BeforeEach
    void start() {
        phone = Browsers.phone(390, 844);
    }

    @AfterEach
    void stop() {
        phone.quit();
    }

    @Test
    void theCountyAdminDrawsVerifiesAndExplainsOnAPhone() throws IOException {
        UserScope county = demo.scope("LY-JX-ADMIN");
        UserScope schoolAdmin = demo.scope("JX-PS-ADMIN");
        UUID school = demo.school("JX-PS");
        UserScope parent = demo.scope("19900000001");
        UUID child = jdbc.sql(
                        "select student_id from organization.student_guardian where guardian_id = :g order by student_id limit 1")
                .param("g", parent.guardianId())
                .query(UUID.class)
                .single();
        int grade = jdbc.sql("""
                        select c.grade_level from organization.student st
                        join organization.school_class c on c.id = st.class_id where st.id = :id""").param("id", child).query(Integer.class).single();
        int year = EnrollmentFixtures.year();
        UUID term = organization.planTerm(
                schoolAdmin, school, year, TermKind.AUTUMN, LocalDate.of(year, 9, 1), LocalDate.of(year + 1, 1, 15));
        EnrollmentFixtures fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        Campus campus = new Campus(schoolAdmin.countyId(), school, schoolAdmin, term, year, Map.of());
        UUID chess = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 1, grade);
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        UUID window = enrollment.openWindow(
                county,
                new NewWindow(null, year, TermKind.AUTUMN, now.minusHours(1), now.plusHours(2), Allocation.LOTTERY, 3));
        lotteries.apply(parent, new Lotteries.Apply(window, child, List.of(chess), true, enrollment.consentVersion()));
        jdbc.sql("update enrollment.registration_window set closes_at = :t, version = version + 1 where id = :id")
                .param("t", now.minusMinutes(1))
                .param("id", window)
                .update();

        signIn(phone, "LY-JX-ADMIN");
        assertThat(phone.findElements(By.cssSelector("a[href='/county/lotteries']")))
                .as("the navigation leads to the county's lotteries")
                .isNotEmpty();
        phone.get(url("/county/lotteries"));
        waitFor(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("lottery-" + window)));
        Browsers.assertFitsThePhone(phone);
        screenshot(phone, "county-list");
        click(phone, By.cssSelector("#lottery-" + window + " a"));
        waitFor(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("applicant-" + child)));
        Browsers.assertFitsThePhone(phone);
        click(phone, By.id("draw"));
        waitFor(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("drawn")));
        click(phone, By.id("verify"));
        waitFor(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("verification")));
        assertThat(phone.findElement(By.id("verification")).getText()).contains("核验通过");
        Browsers.assertFitsThePhone(phone);
        screenshot(phone, "county-verified");

        click(phone, By.cssSelector("#applicant-" + child + " a"));
        waitFor(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("explanation")));
        assertThat(phone.findElement(By.id("outcome")).getText()).contains("获得名额");
        Browsers.assertFitsThePhone(phone);
        screenshot(phone, "county-explanation");
    }

    private void signIn(WebDriver browser, String login) {
        browser.get(url("/login"));
        browser.findElement(By.id("login")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(DemoFixtures.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private static void click(WebDriver browser, By by) {
        WebElement element = browser.findElement(by);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        waitFor(browser).until(ExpectedConditions.elementToBeClickable(element));
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", element);
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(
                shot,
                Path.of(System.getProperty("java.io.tmpdir"), "lottery-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
