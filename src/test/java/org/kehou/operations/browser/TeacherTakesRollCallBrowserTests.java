package org.kehou.operations.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewOffering;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.Slot;
import org.kehou.catalog.SlotOneContent;
import org.kehou.catalog.VenueKind;
import org.kehou.operations.OperationsFixtures;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Roll call on a 390-px phone (OPS-1): the demo teacher opens the latest session of an offering they teach, finds
 * every child present, taps one late and one absent, and saves the whole session at once; the page still fits the
 * phone and the saved marks are what was tapped.
 */
@BrowserTest
@ActiveProfiles("test")
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties =
                "spring.datasource.url=jdbc:h2:mem:rollcall-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class TeacherTakesRollCallBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogManagement catalog;

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
    void aTeacherMarksTheExceptionsAndSavesTheWholeSessionAtOnce() throws Exception {
        UserScope admin = demo.scope("JX-PS-ADMIN");
        UUID school = demo.school("JX-PS");
        List<Term> terms = queries.terms(admin, school);
        LocalDate today = LocalDate.now(clock);
        LocalDate day = today.minusDays(120)
                .datesUntil(today.plusDays(1))
                .filter(d -> terms.stream().anyMatch(t -> t.isSchoolDay(d)))
                .reduce((first, second) -> second)
                .orElseThrow();
        UUID term = terms.stream()
                .filter(t -> t.isSchoolDay(day))
                .findFirst()
                .orElseThrow()
                .id();
        UUID offering = catalog.draftOffering(
                admin,
                school,
                new NewOffering(
                        catalog.defineCourse(
                                admin,
                                school,
                                new NewCourse(
                                        "点名作业辅导",
                                        CourseCategory.SCHOOL_BASED,
                                        null,
                                        List.of(2),
                                        null,
                                        null,
                                        ProviderKind.STAFF,
                                        null,
                                        List.of())),
                        term,
                        day.getDayOfWeek(),
                        Slot.SLOT_1,
                        catalog.addVenue(admin, school, new NewVenue("点名教室", VenueKind.CLASSROOM, 50)),
                        List.of(demo.newTeacher(school)),
                        50,
                        List.of(2),
                        null,
                        0,
                        SlotOneContent.SELF_HOMEWORK,
                        null,
                        null,
                        List.of()));
        catalog.publishOffering(admin, offering);
        jdbc.sql("""
                        insert into catalog.offering_instructor (offering_id, county_id, school_id, instructor_id)
                        select id, county_id, school_id, :staff from catalog.offering where id = :id""")
                .param("staff", demo.scope("JX-PS-T01").staffId())
                .param("id", offering)
                .update();
        List<UUID> children = jdbc.sql("""
                        select st.id from organization.student st join organization.school_class c on c.id = st.class_id
                        where st.school_id = :s and c.grade_level = 2 order by st.id limit 12""").param("s", school).query(UUID.class).list();
        for (UUID child : children) {
            jdbc.sql("""
                            insert into enrollment.enrollment (id, version, county_id, school_id, term_id, offering_id,
                              child_id, guardian_id, account_id, weekday, slot, status, active_offering_id, active_slot,
                              consent_version, consented_at, requested_at, confirmed_at)
                            select :id, 0, o.county_id, o.school_id, o.term_id, o.id, :child, :other, :other, o.weekday,
                              o.slot, 'CONFIRMED', o.id, concat(o.weekday, '-', o.slot), 'browser', :at, :at, :at
                            from catalog.offering o where o.id = :offering""")
                    .param("id", UUID.randomUUID())
                    .param("child", child)
                    .param("other", UUID.randomUUID())
                    .param("at", LocalDateTime.now(clock).minusDays(30))
                    .param("offering", offering)
                    .update();
        }
        UUID late = children.get(0);
        UUID absent = children.get(1);

        signIn(teacher, "JX-PS-T01");
        teacher.get(url("/teacher/sessions/" + offering + "/" + day + "/roll-call"));
        waitFor(teacher).until(ExpectedConditions.visibilityOfElementLocated(By.id("child-" + late)));
        assertThat(teacher.findElements(By.cssSelector("input[value='PRESENT']:checked")))
                .hasSize(children.size());
        click(teacher, By.cssSelector("label[for='mark-" + late + "-LATE']"));
        click(teacher, By.cssSelector("label[for='mark-" + absent + "-ABSENT']"));
        if (!teacher.findElements(By.id("correction-note")).isEmpty()) {
            teacher.findElement(By.id("reason")).sendKeys("补录当天点名");
        }
        Browsers.assertFitsThePhone(teacher);
        screenshot("before");
        click(teacher, By.id("save"));
        waitFor(teacher).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "已保存"));
        Browsers.assertFitsThePhone(teacher);
        screenshot("after");

        assertThat(teacher.findElement(By.id("mark-" + late + "-LATE")).isSelected())
                .isTrue();
        assertThat(teacher.findElement(By.id("mark-" + absent + "-ABSENT")).isSelected())
                .isTrue();
        assertThat(jdbc.sql("select mark from operations.session_entry where offering_id = :o and student_id = :s")
                        .param("o", offering)
                        .param("s", absent)
                        .query(String.class)
                        .list())
                .containsExactly("ABSENT");
        assertThat(jdbc.sql("select count(*) from operations.session_entry where offering_id = :o")
                        .param("o", offering)
                        .query(Long.class)
                        .single())
                .isEqualTo(children.size());
    }

    private void screenshot(String name) throws Exception {
        Path shot = ((TakesScreenshot) teacher).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("/tmp/rollcall-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void signIn(WebDriver browser, String login) {
        browser.get(url("/login"));
        browser.findElement(By.id("login")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(OperationsFixtures.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

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
