package org.kehou.catalog.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.support.BrowserTest;
import org.kehou.support.Browsers;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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
 * A school admin of a demo school builds next term as the policy lets them (CONTENT-3, CONTENT-4, COURSE-2): a
 * daily plan without exercise in slot 1 is refused at publication with the rule's message, published once the
 * exercise is added; this term's plans and offerings are copied into next term; a slot-1 offering declared as a new
 * lesson is refused beside its field; and the week's timetable prints on one A4 landscape sheet.
 */
@BrowserTest
@ActiveProfiles("test")
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties =
                "spring.datasource.url=jdbc:h2:mem:next-term-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class SchoolAdminPlansNextTermBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = Browsers.chrome(1400, 1000);
    }

    @AfterEach
    void quitBrowser() {
        browser.quit();
    }

    @Test
    void buildsNextTermFromThisOneAndIsStoppedWhereThePolicySays() throws Exception {
        UUID school = jdbc.sql("select id from organization.school where code = 'JX-PS'")
                .query(UUID.class)
                .single();
        UUID thisTerm = term(school, "AUTUMN");
        UUID nextTerm = term(school, "SPRING");
        signIn("JX-PS-ADMIN");

        // a Monday plan for next term with no exercise in slot 1
        browser.get(url("/school/slot-plans?term=" + nextTerm));
        new Select(browser.findElement(By.id("termId"))).selectByValue(nextTerm.toString());
        new Select(browser.findElement(By.id("weekday"))).selectByValue("MONDAY");
        new Select(browser.findElement(By.id("firstGrade"))).selectByValue("1");
        new Select(browser.findElement(By.id("lastGrade"))).selectByValue("6");
        setTime("slot1Start", "16:00");
        setTime("slot1End", "17:00");
        browser.findElement(By.id("slot1Activities")).sendKeys("自主作业与答疑（新学期）");
        browser.findElement(By.id("slot1Exercise")).sendKeys("0");
        setTime("slot2Start", "17:00");
        setTime("slot2End", "18:00");
        browser.findElement(By.id("slot2Activities")).sendKeys("社团活动（新学期）");
        browser.findElement(By.id("slot2Exercise")).sendKeys("30");
        click(browser.findElement(
                By.cssSelector("form[method=post][action$='/school/slot-plans'] button[type=submit]")));

        WebElement plan = planCard("自主作业与答疑（新学期）");
        click(plan.findElement(By.cssSelector("form[action$='/publish'] button")));
        assertThat(waitFor(By.id("publish-refusal")).getText()).isEqualTo("第 1 时段只安排了 0 分钟体育锻炼，至少需要 20 分钟，请补足后再发布。");
        assertThat(planCard("自主作业与答疑（新学期）").getText()).contains("草稿");

        click(planCard("自主作业与答疑（新学期）").findElement(By.linkText("编辑")));
        WebElement exercise = waitFor(By.cssSelector("#revise-form #slot1Exercise"));
        exercise.clear();
        exercise.sendKeys("20");
        click(browser.findElement(By.cssSelector("#revise-form button[type=submit]")));
        await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("revise-form")));
        click(planCard("自主作业与答疑（新学期）").findElement(By.cssSelector("form[action$='/publish'] button")));
        await().until(page -> planCard("自主作业与答疑（新学期）").getText().contains("已发布"));

        // this term's plans into next term: the Monday band is already planned, the other four days are copied
        copy(thisTerm, nextTerm);
        assertThat(waitFor(By.id("copy-result")).getText()).isEqualTo("已把 4 个时段安排复制为草稿，1 个因与目标学期已有安排重叠未复制。");

        // this term's offerings into next term as drafts
        browser.get(url("/school/offerings?term=" + nextTerm));
        copy(thisTerm, nextTerm);
        await().until(page -> page.getPageSource().contains("悦读时光"));
        long copied = jdbc.sql("select count(*) from catalog.offering where term_id = :t and state = 'DRAFT'")
                .param("t", nextTerm)
                .query(Long.class)
                .single();
        assertThat(copied).isPositive();

        // a slot-1 offering declared as a new lesson
        browser.get(url("/school/offerings?term=" + nextTerm));
        new Select(browser.findElement(By.id("courseId"))).selectByVisibleText("课后作业辅导");
        new Select(browser.findElement(By.id("termId"))).selectByValue(nextTerm.toString());
        new Select(browser.findElement(By.id("weekday"))).selectByValue("MONDAY");
        new Select(browser.findElement(By.id("slot"))).selectByValue("SLOT_1");
        new Select(browser.findElement(By.id("slotOneContent"))).selectByValue("NEW_LESSON");
        new Select(browser.findElement(By.id("venueId"))).selectByIndex(1);
        new Select(browser.findElement(By.id("instructorId"))).selectByIndex(1);
        browser.findElement(By.id("capacity")).sendKeys("30");
        click(browser.findElement(By.cssSelector("#grades input[value='1']")));
        browser.findElement(By.id("exerciseMinutes")).sendKeys("20");
        long before = offerings(nextTerm);
        click(browser.findElement(
                By.cssSelector("form[method=post][action$='/school/offerings'] button[type=submit]")));
        await().until(page -> page.getPageSource().contains("第一时段不得讲授新课，请改为自主作业、答疑等课业辅导内容。"));
        assertThat(offerings(nextTerm)).isEqualTo(before);

        // the week's timetable of this term, printed
        browser.get(url("/school/timetable?term=" + thisTerm));
        assertThat(browser.findElement(By.id("timetable")).getText())
                .contains("悦读时光")
                .contains("星期一");
        Map<String, Object> printed = browser.executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true));
        try (PDDocument pdf = Loader.loadPDF(Base64.getDecoder().decode((String) printed.get("data")))) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            PDRectangle page = pdf.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isCloseTo(841.89f, within(2f));
            assertThat(page.getHeight()).isCloseTo(595.28f, within(2f));
        }
    }

    private void signIn(String login) {
        browser.get(url("/login"));
        browser.findElement(By.id("login")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys("Kehou@2026");
        click(browser.findElement(By.id("sign-in")));
        await().until(page -> !page.getCurrentUrl().contains("/login"));
    }

    private void copy(UUID from, UUID to) {
        new Select(browser.findElement(By.id("fromTermId"))).selectByValue(from.toString());
        new Select(browser.findElement(By.id("toTermId"))).selectByValue(to.toString());
        click(browser.findElement(By.cssSelector("#copy-form button[type=submit]")));
    }

    private WebElement planCard(String activity) {
        return await().until(page -> page.findElements(By.cssSelector("#plan-list .card")).stream()
                .filter(card -> card.getText().contains(activity))
                .findFirst()
                .orElse(null));
    }

    /** Submits a form by its button and waits for the page that answers. */
    private void submit(By button) {
        WebElement element = browser.findElement(button);
        click(element);
        await().until(ExpectedConditions.stalenessOf(element));
    }

    /** Clicks an element where it is, scrolled into view or not (the long forms reach below the window). */
    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        ((JavascriptExecutor) browser).executeScript("arguments[0].click();", element);
    }

    private void setTime(String id, String value) {
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    private WebElement waitFor(By by) {
        return await().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private long offerings(UUID term) {
        return jdbc.sql("select count(*) from catalog.offering where term_id = :t")
                .param("t", term)
                .query(Long.class)
                .single();
    }

    private UUID term(UUID school, String kind) {
        return jdbc.sql(
                        "select id from organization.term where school_id = :s and kind = :k order by starts_on limit 1")
                .param("s", school)
                .param("k", kind)
                .query(UUID.class)
                .single();
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
