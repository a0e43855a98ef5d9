package org.kehou.enrollment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.enrollment.CareFixtures;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.AccountManagement;
import org.kehou.support.BrowserTest;
import org.kehou.support.Browsers;
import org.kehou.support.DemoFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * On 360-px phones (SCOPE-1): a guardian with a special need asks for early arrival, the school admin sees that it
 * cannot be declined and assigns care staff, the child is on the day's list, and the guardian reads the decision;
 * no page is wider than the phone.
 */
@BrowserTest
@ActiveProfiles("test")
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties =
                "spring.datasource.url=jdbc:h2:mem:care-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class GuardianAsksForEarlyArrivalBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    OrganizationQueries queries;

    @Autowired
    AccountManagement accounts;

    @Autowired
    Clock clock;

    WebDriver guardian;
    WebDriver school;

    @BeforeEach
    void start() {
        guardian = Browsers.phone(360, 740);
        school = Browsers.phone(360, 740);
    }

    @AfterEach
    void stop() {
        guardian.quit();
        school.quit();
    }

    @Test
    void aSpecialNeedIsAssignedCareStaffAndListedForTheDay() {
        var admin = demo.scope("JX-PS-ADMIN");
        CareFixtures fixtures = new CareFixtures(organization, queries, accounts, clock);
        Family family = fixtures.family(admin, demo.anyClassOf("JX-PS"), "手机早到");
        LocalDate day = fixtures.schoolDays(admin, 5).get(2);

        signIn(guardian, family.mobile());
        guardian.get(url("/guardian/care"));
        Browsers.assertFitsThePhone(guardian);
        set(guardian, "early-firstDay", day.toString());
        set(guardian, "early-lastDay", day.toString());
        set(guardian, "early-arrivalTime", "07:05");
        guardian.findElement(By.id("early-reason")).sendKeys("医院早班");
        click(guardian, By.id("early-specialNeed"));
        click(guardian, By.id("submit-early-arrival"));
        waitFor(guardian)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("main .alert-success"), "提前到校申请已提交"));
        assertThat(guardian.findElement(By.id("requests")).getText())
                .contains("待处理")
                .contains("07:05 到校");

        UUID request = jdbc.sql("select id from enrollment.early_arrival_request where student_id = :s")
                .param("s", family.student())
                .query(UUID.class)
                .single();
        signIn(school, "JX-PS-ADMIN");
        school.get(url("/school/care-requests"));
        Browsers.assertFitsThePhone(school);
        click(school, By.id("decide-" + request));
        waitFor(school).until(ExpectedConditions.visibilityOfElementLocated(By.id("special-need")));
        assertThat(school.findElements(By.id("decline-form"))).isEmpty();
        Browsers.assertFitsThePhone(school);
        new Select(school.findElement(By.id("staff-careStaffId"))).selectByIndex(1);
        click(school, By.id("assign"));
        waitFor(school)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("main .alert-success"), "已同意"));

        school.get(url("/school/early-arrivals?date=" + day));
        Browsers.assertFitsThePhone(school);
        assertThat(school.findElement(By.id("arrival-" + request)).getText())
                .contains("手机早到")
                .contains("07:05");

        guardian.get(url("/guardian/care"));
        assertThat(guardian.findElement(By.id("request-" + request)).getText())
                .contains("已同意")
                .contains("看护老师：");
    }

    private void signIn(WebDriver browser, String login) {
        browser.get(url("/login"));
        browser.findElement(By.id("login")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(CareFixtures.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Sets a date or time input the way a picker would, whatever the browser's display format. */
    private static void set(WebDriver browser, String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
    }

    /** Clicks as a finger would after scrolling there; the headless window's bars may hide the lowest pixels. */
    private static void click(WebDriver browser, By by) {
        WebElement element = browser.findElement(by);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        waitFor(browser).until(ExpectedConditions.elementToBeClickable(element));
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", element);
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
