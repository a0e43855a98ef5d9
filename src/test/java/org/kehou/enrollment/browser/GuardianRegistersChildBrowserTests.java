package org.kehou.enrollment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.EnrollmentFixtures;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.enrollment.EnrollmentFixtures.Family;
import org.kehou.enrollment.EnrollmentManagement;
import org.kehou.organization.OrganizationManagement;
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
 * Registration on a 390-px phone (ENROL-1, ENROL-2, ENROL-3, CONTENT-2): a guardian signs in, registers one child for
 * a slot-1 and a slot-2 offering after ticking the consent, meets a full course, joins its waiting list and reads the
 * place in line; when another family withdraws, the child is promoted and the guardian finds the notice in the inbox.
 * No page is wider than the phone.
 */
@BrowserTest
@ActiveProfiles("test")
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:register-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "kehou.enrollment.notice-every=500ms"
        })
class GuardianRegistersChildBrowserTests {

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
    void aGuardianTakesBothSlotsWaitsForAFullCourseAndIsPromotedWhenASeatFrees() throws Exception {
        var fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        Campus campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        UUID homework = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_1, 30, 3);
        UUID football = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 30, 3);
        UUID robotics = fixtures.offering(campus, DayOfWeek.TUESDAY, Slot.SLOT_2, 1, 3);
        fixtures.openWindowNow(campus, 5);
        Family neighbours = fixtures.family(campus, 3, 1);
        UserScope neighbour = fixtures.account(neighbours);
        UUID held = enrollment
                .enroll(neighbour, fixtures.consenting(neighbours.child(), robotics), EnrollmentFixtures.key())
                .enrollmentId();
        Family family = fixtures.family(campus, 3, 1);
        fixtures.account(family);

        signIn(family.mobile());
        register(homework, false);
        assertThat(text(By.id("answer"))).contains("已成功报名");
        register(football, false);
        assertThat(text(By.id("answer"))).contains("已成功报名");

        phone.get(url("/guardian/registration"));
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("offering-" + robotics)));
        assertThat(text(By.id("seats-" + robotics))).contains("名额已满");
        assertThat(text(By.id("registered-" + homework))).isEqualTo("已报名");
        Browsers.assertFitsThePhone(phone);
        screenshot("offerings");

        register(robotics, true);
        assertThat(text(By.id("answer"))).contains("已进入候补名单，当前排第 1 位");
        Browsers.assertFitsThePhone(phone);
        screenshot("waitlisted");
        // the notice of the wait is told while the child still waits; one of a wait already over is not sent
        phone.get(url("/inbox"));
        waitFor().until(browser -> {
            browser.navigate().refresh();
            return browser.getPageSource().contains("已进入候补名单，当前排第 1 位");
        });

        enrollment.withdraw(neighbour, held);

        phone.get(url("/inbox"));
        waitFor().until(browser -> {
            browser.navigate().refresh();
            return browser.getPageSource().contains("已从候补转为正式报名");
        });
        assertThat(phone.findElement(By.tagName("main")).getText())
                .contains("已从候补转为正式报名")
                .contains("已进入候补名单，当前排第 1 位")
                .contains("已成功报名");
        Browsers.assertFitsThePhone(phone);
        screenshot("inbox");

        phone.get(url("/guardian/registrations"));
        UUID promoted = jdbc.sql("select id from enrollment.enrollment where child_id = :c and offering_id = :o")
                .param("c", family.child())
                .param("o", robotics)
                .query(UUID.class)
                .single();
        assertThat(text(By.id("status-" + promoted))).isEqualTo("已报名");
    }

    /** From the list, opens the consent step of an offering, ticks the consent and submits. */
    private void register(UUID offering, boolean waitlist) {
        phone.get(url("/guardian/registration"));
        By button = By.id("enrol-" + offering);
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(button));
        assertThat(text(button)).isEqualTo(waitlist ? "加入候补" : "报名");
        click(button);
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("consent-text")));
        click(By.id("submit-enrol"));
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("consent-error")));
        assertThat(text(By.id("consent-error"))).contains("未经同意不会保存任何报名信息");
        click(By.id("consent"));
        click(By.id("submit-enrol"));
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
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

    private void screenshot(String name) throws Exception {
        Files.write(
                Path.of("/tmp/register-" + name + ".png"), ((TakesScreenshot) phone).getScreenshotAs(OutputType.BYTES));
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(phone, Duration.ofSeconds(30));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
