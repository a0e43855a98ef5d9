package org.kehou.operations.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.operations.OperationsFixtures;
import org.kehou.operations.PickupManagement;
import org.kehou.operations.PickupManagement.NewPickupPerson;
import org.kehou.operations.PickupRelation;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.MobileNumber;
import org.kehou.platform.UserScope;
import org.kehou.support.BrowserTest;
import org.kehou.support.Browsers;
import org.kehou.support.DemoFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * At the school gate on a 390-px phone (OPS-2): the demo teacher opens the hand-over list of their class, is refused
 * when handing a child to someone not on the child's list and reads why in the child's card, then hands the other
 * twin to the grandmother the guardian authorised, whose photo is on the button; no page is wider than the phone.
 */
@BrowserTest
@ActiveProfiles("test")
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties =
                "spring.datasource.url=jdbc:h2:mem:ops-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class TeacherHandsOverChildBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PickupManagement pickup;

    @Autowired
    OrganizationQueries queries;

    @Autowired
    Clock clock;

    WebDriver teacher;

    @BeforeEach
    void start() {
        teacher = Browsers.chrome(390, 844);
    }

    @AfterEach
    void stop() {
        teacher.quit();
    }

    @Test
    void aTeacherIsRefusedAStrangerAndHandsTheChildToTheAuthorisedGrandmother() {
        UserScope guardian = demo.scope("19900000001");
        List<UUID> twins = jdbc.sql(
                        "select student_id from organization.student_guardian where guardian_id = :g order by student_id")
                .param("g", guardian.guardianId())
                .query(UUID.class)
                .list();
        UUID toGrandmother = twins.get(0);
        UUID toStranger = twins.get(1);
        UUID grandmother = pickup.authorise(
                guardian,
                toGrandmother,
                new NewPickupPerson(
                        "王外婆", PickupRelation.GRANDPARENT, MobileNumber.of("13900009999"), OperationsFixtures.photo()));
        String[] day = handOverDay();

        signIn(teacher, "JX-PS-T01");
        teacher.get(url("/teacher/pickup?date=" + day[0] + "&service=" + day[1]));
        waitFor(teacher).until(ExpectedConditions.visibilityOfElementLocated(By.id("child-" + toStranger)));
        assertFitsThePhone(teacher);

        click(teacher, By.cssSelector("#child-" + toStranger + " summary"));
        teacher.findElement(By.id("other-name-" + toStranger)).sendKeys("陌生人");
        click(teacher, By.id("give-other-" + toStranger));
        waitFor(teacher)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("refusal-" + toStranger), "陌生人不是"));
        assertThat(teacher.findElement(By.id("refusal-" + toStranger)).getText())
                .contains("不是")
                .contains("监护人或授权接送人")
                .contains("请联系家长");
        assertThat(teacher.findElement(By.cssSelector("#child-" + toStranger + " .badge"))
                        .getText())
                .isEqualTo("未交接");

        By give = By.id("give-" + toGrandmother + "-" + grandmother);
        assertThat(teacher.findElement(give).findElement(By.tagName("img")).getAttribute("src"))
                .contains("/photos/");
        assertThat(teacher.findElement(give).getText()).contains("交给 王外婆").contains("139****9999");
        click(teacher, give);
        waitFor(teacher)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("released-" + toGrandmother), "交给 王外婆（祖辈）"));
        assertThat(teacher.findElement(By.cssSelector("#child-" + toGrandmother + " .badge"))
                        .getText())
                .isEqualTo("已交接");
        assertFitsThePhone(teacher);

        assertThat(count("select count(*) from operations.pickup_release where student_id = :s", toGrandmother))
                .isEqualTo(1);
        assertThat(count("select count(*) from operations.pickup_release where student_id = :s", toStranger))
                .isZero();
        assertThat(count("select count(*) from operations.pickup_refusal where student_id = :s", toStranger))
                .isEqualTo(1);
    }

    /** The latest school day of the school up to today with slot 2, or yesterday's opening before term begins. */
    private String[] handOverDay() {
        LocalDate today = LocalDate.now(clock);
        var terms = queries.terms(demo.scope("JX-PS-ADMIN"), demo.school("JX-PS"));
        return today.minusDays(120)
                .datesUntil(today.plusDays(1))
                .filter(d -> terms.stream().anyMatch(t -> t.isSchoolDay(d)))
                .reduce((first, second) -> second)
                .map(d -> new String[] {d.toString(), "SLOT_2"})
                .orElse(new String[] {today.minusDays(1).toString(), "OPENING"});
    }

    private long count(String sql, UUID student) {
        return jdbc.sql(sql).param("s", student).query(Long.class).single();
    }

    private void signIn(WebDriver browser, String login) {
        browser.get(url("/login"));
        browser.findElement(By.id("login")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(OperationsFixtures.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Taps as a finger would after scrolling there; the headless window's bars may hide the lowest pixels. */
    private static void click(WebDriver browser, By by) {
        WebElement element = browser.findElement(by);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        waitFor(browser).until(ExpectedConditions.elementToBeClickable(element));
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", element);
    }

    private static void assertFitsThePhone(WebDriver browser) {
        Number page =
                (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        Number window = (Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
        assertThat(page.intValue())
                .as("page width on " + browser.getCurrentUrl())
                .isLessThanOrEqualTo(window.intValue());
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
