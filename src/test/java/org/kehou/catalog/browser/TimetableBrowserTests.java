package org.kehou.catalog.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.ActivityKind;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewOffering;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.Slot;
import org.kehou.catalog.VenueKind;
import org.kehou.platform.UserScope;
import org.kehou.support.BrowserTest;
import org.kehou.support.Browsers;
import org.kehou.support.DemoFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
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
 * COURSE-2 and COURSE-3 as a school admin does it: open the week timetable from the navigation, show one venue's
 * offerings, and print the week on an A4 sheet in landscape, navigation and filters left off and the five weekdays on
 * the page.
 */
@BrowserTest
@ActiveProfiles("test")
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties =
                "spring.datasource.url=jdbc:h2:mem:timetable-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class TimetableBrowserTests {

    /** A4 landscape in PDF points (1/72 inch): 297 mm × 210 mm. */
    static final float A4_LONG = 841.89f;

    static final float A4_SHORT = 595.28f;

    @LocalServerPort
    int port;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = Browsers.chrome(1280, 900);
    }

    @AfterEach
    void stop() {
        browser.quit();
    }

    @Test
    void aSchoolAdminShowsOneVenuesWeekAndPrintsItOnAnA4Sheet() throws Exception {
        UserScope admin = demo.scope("JX-PS-ADMIN");
        UUID school = admin.schoolId();
        // the term the timetable shows by default: the one under way, else the next
        UUID term = jdbc.sql("""
                        select id from organization.term where school_id = :s and ends_on >= :today
                        order by case when starts_on <= :today then 0 else 1 end, starts_on limit 1""")
                .param("s", school)
                .param("today", LocalDate.now(clock))
                .query(UUID.class)
                .single();
        UUID staff = demo.newTeacher(school);
        UUID lab = catalog.addVenue(admin, school, new NewVenue("Print Lab", VenueKind.LAB, 40));
        UUID course = catalog.defineCourse(
                admin,
                school,
                new NewCourse(
                        "Robotics Club",
                        CourseCategory.SCIENCE_LITERACY,
                        ActivityKind.INTEREST_GROUP,
                        List.of(3, 4),
                        null,
                        null,
                        ProviderKind.STAFF,
                        null,
                        List.of()));
        UUID offering = catalog.draftOffering(
                admin,
                school,
                new NewOffering(
                        course,
                        term,
                        DayOfWeek.FRIDAY,
                        Slot.SLOT_2,
                        lab,
                        List.of(staff),
                        30,
                        List.of(3, 4),
                        null,
                        20,
                        null,
                        null,
                        null,
                        List.of()));
        catalog.publishOffering(admin, offering);

        browser.get(url("/login"));
        browser.findElement(By.id("login")).sendKeys("JX-PS-ADMIN");
        browser.findElement(By.id("password")).sendKeys(DemoFixtures.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitFor().until(ExpectedConditions.urlToBe(url("/school")));
        browser.findElement(By.linkText("课表")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("timetable")));
        assertThat(browser.findElement(By.id("timetable-title")).getText()).endsWith("课后服务课表");

        browser.findElement(By.id("lang-en")).click();
        waitFor().until(ExpectedConditions.textToBe(By.id("show"), "Show"));
        new Select(browser.findElement(By.id("venue"))).selectByVisibleText("Print Lab");
        browser.findElement(By.id("show")).click();
        waitFor()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("timetable-selection"), "Venue: Print Lab"));
        assertThat(browser.getCurrentUrl()).contains("venue=" + lab);
        assertThat(browser.findElements(By.cssSelector("#timetable .entry"))).hasSize(1);
        assertThat(browser.findElement(By.id("cell-SLOT_2-FRIDAY")).getText())
                .contains("Robotics Club")
                .contains("Venue: Print Lab")
                .contains("Grades 3,4");

        JavascriptExecutor script = browser;
        script.executeScript("window.printed = 0; window.print = function () { window.printed++; };");
        browser.findElement(By.id("print")).click();
        assertThat(script.executeScript("return window.printed")).isEqualTo(1L);

        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.findElement(By.tagName("nav")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("timetable-filter")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("print")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("timetable")).isDisplayed()).isTrue();
        assertThat(
                        script.executeScript(
                                "var t = document.getElementById('timetable'); return t.scrollWidth <= t.parentElement.clientWidth;"))
                .as("the grid is no wider than the page")
                .isEqualTo(true);
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        PrintOptions a4 = new PrintOptions()
                .setPageSize(PageSize.ISO_A4)
                .setOrientation(PrintOptions.Orientation.LANDSCAPE)
                .setPageMargin(new PageMargin(0, 0, 0, 0))
                .setShrinkToFit(false);
        try (PDDocument pdf = Loader.loadPDF(
                Base64.getDecoder().decode(((PrintsPage) browser).print(a4).getContent()))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertLandscapeA4(pdf.getPage(0));
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("Robotics Club")
                    .contains("Venue: Print Lab")
                    .contains("Monday")
                    .contains("Friday")
                    .doesNotContain("Sign out")
                    .doesNotContain("Show drafts");
        }

        Map<String, Object> byStylesheet =
                browser.executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true));
        try (PDDocument pdf = Loader.loadPDF(Base64.getDecoder().decode((String) byStylesheet.get("data")))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertLandscapeA4(pdf.getPage(0));
        }
    }

    private static void assertLandscapeA4(PDPage page) {
        var box = page.getMediaBox();
        assertThat(box.getWidth()).as("page width").isCloseTo(A4_LONG, within(2f));
        assertThat(box.getHeight()).as("page height").isCloseTo(A4_SHORT, within(2f));
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
