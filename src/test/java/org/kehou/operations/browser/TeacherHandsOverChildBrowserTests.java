package org.kehou.operations.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
 * An afternoon on a 390-px phone (OPS-1, OPS-2): the demo teacher takes the roll call of their slot-1 session with
 * everyone present but one child marked absent, saved in one tap; at the gate they are refused when handing a child
 * to someone not on the child's list and read why in the child's card, then hand the other twin to the grandmother
 * the guardian authorised, whose photo is on the button, confirming the early release the service's end still
 * ahead makes it; the school admin's "today" page, open before and after,
 * shows the absence and the hand-over. No page is wider than the phone.
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
        teacher = Browsers.phone(390, 844);
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
        UUID absent = jdbc.sql("""
                        select s.id from organization.student s
                        where s.class_id = (select class_id from organization.student where id = :twin)
                          and s.id not in (:twins) order by s.id limit 1""")
                .param("twin", toGrandmother)
                .param("twins", twins)
                .query(UUID.class)
                .single();
        UUID session = slotOneSession(LocalDate.parse(day[0]), List.of(toGrandmother, toStranger, absent));

        WebDriver admin = Browsers.phone(390, 844);
        try {
            signIn(admin, "JX-PS-ADMIN");
            admin.get(url("/school/today?date=" + day[0]));
            waitFor(admin).until(ExpectedConditions.visibilityOfElementLocated(By.id("absent")));
            Browsers.assertFitsThePhone(admin);
            long absentBefore = figure(admin, "absent");
            long waitingBefore = figure(admin, "not-released");

            signIn(teacher, "JX-PS-T01");
            refusedCorrectionOpensAtItsReason(teacher, session, LocalDate.parse(day[0]));
            teacher.get(url("/teacher/sessions/" + session + "/" + day[0] + "/roll-call"));
            waitFor(teacher).until(ExpectedConditions.visibilityOfElementLocated(By.id("child-" + absent)));
            Browsers.assertFitsThePhone(teacher);
            assertThat(teacher.findElement(By.id("mark-" + toStranger + "-PRESENT"))
                            .isSelected())
                    .isTrue();
            click(teacher, By.cssSelector("label[for=mark-" + absent + "-ABSENT]"));
            if (!teacher.findElements(By.id("correction-note")).isEmpty()) {
                teacher.findElement(By.id("reason")).sendKeys("当天网络中断，补录点名");
            }
            click(teacher, By.id("save"));
            waitFor(teacher).until(ExpectedConditions.visibilityOfElementLocated(By.id("history-" + absent)));
            assertThat(teacher.findElement(By.id("mark-" + absent + "-ABSENT")).isSelected())
                    .isTrue();
            assertThat(count(
                            "select count(*) from operations.session_entry where student_id = :s and mark = 'ABSENT'",
                            absent))
                    .isEqualTo(1);

            handOver(teacher, day, toGrandmother, toStranger, grandmother);

            admin.navigate().refresh();
            waitFor(admin).until(ExpectedConditions.visibilityOfElementLocated(By.id("absent")));
            assertThat(figure(admin, "absent")).isEqualTo(absentBefore + 1);
            // one child handed over, and the one marked absent in the only session that recorded them is not
            // waiting at the gate either
            assertThat(figure(admin, "not-released")).isEqualTo(waitingBefore - 2);
            screenshot(admin, "afternoon-dashboard");
            screenshot(teacher, "afternoon-pickup");
        } finally {
            admin.quit();
        }
    }

    private void handOver(WebDriver teacher, String[] day, UUID toGrandmother, UUID toStranger, UUID grandmother) {
        teacher.get(url("/teacher/pickup?date=" + day[0] + "&service=" + day[1]));
        waitFor(teacher).until(ExpectedConditions.visibilityOfElementLocated(By.id("child-" + toStranger)));
        Browsers.assertFitsThePhone(teacher);

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

        String countsBefore = teacher.findElement(By.id("counts")).getText();
        By give = By.id("give-" + toGrandmother + "-" + grandmother);
        assertThat(teacher.findElement(give).findElement(By.tagName("img")).getAttribute("src"))
                .contains("/photos/");
        assertThat(teacher.findElement(give).getText()).contains("交给 王外婆").contains("139****9999");
        click(teacher, give);
        // at 10:00 the service still runs: the hand-over is an early release, confirmed first
        var confirm = waitFor(teacher).until(ExpectedConditions.alertIsPresent());
        assertThat(confirm.getText()).contains("才结束").contains("提前离校");
        confirm.accept();
        waitFor(teacher)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("released-" + toGrandmother), "交给 王外婆（祖辈）"));
        assertThat(teacher.findElement(By.cssSelector("#child-" + toGrandmother + " .badge"))
                        .getText())
                .isEqualTo("已交接");
        // the counts above the list read themselves again after the card was swapped, without a reload
        waitFor(teacher).until(d -> !d.findElement(By.id("counts")).getText().equals(countsBefore));
        assertThat(handedOver(teacher.findElement(By.id("counts")).getText())).isEqualTo(handedOver(countsBefore) + 1);
        Browsers.assertFitsThePhone(teacher);

        assertThat(count("select count(*) from operations.pickup_release where student_id = :s", toGrandmother))
                .isEqualTo(1);
        assertThat(count("select count(*) from operations.pickup_release where student_id = :s", toStranger))
                .isZero();
        assertThat(count("select count(*) from operations.pickup_refusal where student_id = :s", toStranger))
                .isEqualTo(1);
    }

    /**
     * A correction of an earlier week's session saved without its reason is refused, and the answer opens at the
     * reason in error, not at the top of the class's list, which on a phone hides it.
     */
    private void refusedCorrectionOpensAtItsReason(WebDriver teacher, UUID session, LocalDate day) {
        for (int weeks = 1; weeks <= 4; weeks++) {
            teacher.get(url("/teacher/sessions/" + session + "/" + day.minusWeeks(weeks) + "/roll-call"));
            if (!teacher.findElements(By.id("correction-note")).isEmpty()) {
                click(teacher, By.id("save"));
                waitFor(teacher)
                        .until(d -> d.findElement(By.id("reason"))
                                .getAttribute("class")
                                .contains("is-invalid"));
                waitFor(teacher).until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript("var r = document.getElementById('reason').getBoundingClientRect();"
                                + " return r.top >= 0 && r.bottom <= window.innerHeight;"));
                assertThat(teacher.findElement(By.id("reason")).getLocation().getY())
                        .as("the reason is below the first screen of the page")
                        .isGreaterThan(844);
                return;
            }
        }
        throw new AssertionError("no session in the four weeks before " + day + " to correct");
    }

    /** The first figure of the counts line, "已交接 n / m 人，未交接 k 人": how many were handed over. */
    private static int handedOver(String counts) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)").matcher(counts);
        assertThat(m.find()).as(counts).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /**
     * The teacher's slot-1 session of the day (the demo head teacher helps their grade with homework every school
     * day), with the children registered in it unless they already are.
     */
    private UUID slotOneSession(LocalDate day, List<UUID> children) {
        UserScope teacherScope = demo.scope("JX-PS-T01");
        UUID offering = jdbc.sql("""
                        select o.id from catalog.offering o
                        join catalog.offering_instructor i on i.offering_id = o.id
                        join organization.term t on t.id = o.term_id
                        where o.school_id = :school and i.instructor_id = :staff and o.slot = 'SLOT_1'
                          and o.weekday = :weekday and o.state = 'PUBLISHED'
                          and t.starts_on <= :day and t.ends_on >= :day""")
                .param("school", teacherScope.schoolId())
                .param("staff", teacherScope.staffId())
                .param("weekday", day.getDayOfWeek().name())
                .param("day", day)
                .query(UUID.class)
                .single();
        LocalDateTime at = LocalDateTime.now(clock).minusDays(30);
        for (UUID child : children) {
            at = at.plusSeconds(1);
            jdbc.sql("""
                            insert into enrollment.enrollment (id, version, county_id, school_id, term_id, offering_id,
                              child_id, guardian_id, account_id, weekday, slot, status, active_offering_id, active_slot,
                              consent_version, consented_at, requested_at, confirmed_at)
                            select :id, 0, o.county_id, o.school_id, o.term_id, o.id, :child, g.guardian_id, :account,
                              o.weekday, o.slot, 'CONFIRMED', o.id, concat(o.weekday, '-', o.slot), 'demo', :at, :at, :at
                            from catalog.offering o
                            join organization.student_guardian g on g.student_id = :child
                            where o.id = :offering and not exists (select 1 from enrollment.enrollment e
                              where e.child_id = :child and e.term_id = o.term_id and e.weekday = o.weekday
                                and e.slot = o.slot and e.status <> 'WITHDRAWN')
                            limit 1""")
                    .param("id", UUID.randomUUID())
                    .param("child", child)
                    .param("account", teacherScope.accountId())
                    .param("at", at)
                    .param("offering", offering)
                    .update();
        }
        return offering;
    }

    /** Keeps what the phone showed, for a person to look at after the run. */
    private static void screenshot(WebDriver browser, String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The first number in a card of the "today" page. */
    private static long figure(WebDriver browser, String id) {
        String text = browser.findElement(By.id(id))
                .getText()
                .replaceAll("[^0-9]+", " ")
                .strip();
        return Long.parseLong(text.split(" ")[0]);
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

    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
