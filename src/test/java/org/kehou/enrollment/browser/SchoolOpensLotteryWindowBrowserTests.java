package org.kehou.enrollment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.EnrollmentFixtures;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.enrollment.EnrollmentManagement;
import org.kehou.organization.OrganizationManagement;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.UserScope;
import org.kehou.support.BrowserTest;
import org.kehou.support.Browsers;
import org.kehou.support.DemoFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A school admin on a 390-px phone opens a lottery window from the registration page (ENROL-2): a missing closing
 * time is refused beside its field with nothing stored, then the window opens and the table says it is a lottery;
 * the table of course seats shows each offering's grades. No page is wider than the phone.
 */
@BrowserTest
@ActiveProfiles("test")
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties =
                "spring.datasource.url=jdbc:h2:mem:lottery-window-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class SchoolOpensLotteryWindowBrowserTests {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @LocalServerPort
    int port;

    @Autowired
    DemoFixtures demo;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    EnrollmentManagement enrollment;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

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
    void aSchoolAdminOpensALotteryWindowFromThePhone() throws Exception {
        var fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        Campus campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        UUID both = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 30, 3, 4);
        UserScope admin = fixtures.adminAccount(campus);
        String login = jdbc.sql("select staff_no from platform.user_account where id = :id")
                .param("id", admin.accountId())
                .query(String.class)
                .single();

        signIn(login);
        phone.get(url("/school/registration"));
        assertThat(text(By.id("grades-" + both))).isEqualTo("3、4 年级");
        Browsers.assertFitsThePhone(phone);

        LocalDateTime now = LocalDateTime.now(clock);
        fill("schoolYear", String.valueOf(campus.schoolYear()));
        new Select(phone.findElement(By.id("termKind"))).selectByValue("AUTUMN");
        fill("opensAt", now.plusDays(3).format(LOCAL));
        new Select(phone.findElement(By.id("allocation"))).selectByValue("LOTTERY");
        click(By.id("open-window"));
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#closesAt.is-invalid")));
        assertThat(phone.getPageSource()).contains("此项必填");
        assertThat(new Select(phone.findElement(By.id("allocation")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .as("the choice stays in the form")
                .isEqualTo("LOTTERY");
        assertThat(windows(campus)).isZero();
        Browsers.assertFitsThePhone(phone);
        screenshot("refused");

        fill("closesAt", now.plusDays(5).format(LOCAL));
        click(By.id("open-window"));
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("windows")));
        UUID window = jdbc.sql("select id from enrollment.registration_window where school_id = :s")
                .param("s", campus.schoolId())
                .query(UUID.class)
                .single();
        assertThat(text(By.id("allocation-" + window))).isEqualTo("摇号");
        Browsers.assertFitsThePhone(phone);
        screenshot("opened");
    }

    private long windows(Campus campus) {
        return jdbc.sql("select count(*) from enrollment.registration_window where school_id = :s")
                .param("s", campus.schoolId())
                .query(Long.class)
                .single();
    }

    /** Types into a field as the phone's keyboard would; a date-time field takes its value through script. */
    private void fill(String id, String value) {
        WebElement field = phone.findElement(By.id(id));
        ((JavascriptExecutor) phone).executeScript("arguments[0].value = arguments[1]", field, value);
    }

    private String text(By by) {
        return phone.findElement(by).getText();
    }

    private void signIn(String login) {
        phone.get(url("/login"));
        phone.findElement(By.id("login")).sendKeys(login);
        phone.findElement(By.id("password")).sendKeys(EnrollmentFixtures.PASSWORD);
        phone.findElement(By.id("sign-in")).click();
        waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Taps as a finger would after scrolling there. */
    private void click(By by) {
        WebElement element = phone.findElement(by);
        ((JavascriptExecutor) phone).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        waitFor().until(ExpectedConditions.elementToBeClickable(element));
        ((JavascriptExecutor) phone).executeScript("arguments[0].click()", element);
    }

    /** The whole page at the phone's width, for a person to look at. */
    private void screenshot(String name) throws Exception {
        Number height =
                (Number) ((JavascriptExecutor) phone).executeScript("return document.documentElement.scrollHeight");
        Dimension phoneSize = phone.manage().window().getSize();
        phone.manage().window().setSize(new Dimension(phoneSize.getWidth(), height.intValue() + 100));
        Files.write(
                Path.of("/tmp/lottery-window-" + name + ".png"),
                ((TakesScreenshot) phone).getScreenshotAs(OutputType.BYTES));
        phone.manage().window().setSize(phoneSize);
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(phone, Duration.ofSeconds(30));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
