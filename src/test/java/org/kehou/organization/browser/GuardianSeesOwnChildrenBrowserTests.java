package org.kehou.organization.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.support.BrowserTest;
import org.kehou.support.Browsers;
import org.openqa.selenium.By;
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

/** A guardian on a phone sees only their own children, another child's page is not found, and the language switches. */
@BrowserTest
@ActiveProfiles("test")
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties =
                "spring.datasource.url=jdbc:h2:mem:guardian-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class GuardianSeesOwnChildrenBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

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
    void seesOnlyOwnChildrenAndSwitchesLanguage() {
        browser.get(url("/login"));
        browser.findElement(By.id("login")).sendKeys("19900000001");
        browser.findElement(By.id("password")).sendKeys("Kehou@2026");
        browser.findElement(By.id("sign-in")).click();
        waitFor().until(ExpectedConditions.urlToBe(url("/guardian")));

        List<String> own = jdbc.sql("""
                        select st.name from organization.student st join organization.student_guardian sg on sg.student_id = st.id
                        join platform.user_account a on a.guardian_id = sg.guardian_id where a.mobile = '19900000001'""").query(String.class).list();
        assertThat(own).hasSize(2);
        List<String> shown = browser.findElements(By.cssSelector("#children .child h2")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(own);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("我的孩子");

        browser.findElements(By.cssSelector("#children .child h2 a")).get(0).click();
        waitFor().until(ExpectedConditions.urlContains("/guardian/children/"));
        assertThat(browser.findElement(By.id("guardians")).getText()).contains("19900000001");

        UUID stranger = jdbc.sql("""
                        select st.id from organization.student st join organization.school s on s.id = st.school_id
                        where s.code = 'JX-PS' and st.id not in (select sg.student_id from organization.student_guardian sg
                          join platform.user_account a on a.guardian_id = sg.guardian_id where a.mobile = '19900000001')
                        order by st.id limit 1""").query(UUID.class).single();
        browser.get(url("/guardian/children/" + stranger));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("未找到");
        assertThat(browser.getPageSource()).doesNotContain("Exception");

        browser.get(url("/guardian"));
        browser.findElement(By.className("navbar-toggler")).click();
        waitFor()
                .until(ExpectedConditions.elementToBeClickable(By.id("lang-en")))
                .click();
        waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "My children"));
        browser.get(url("/guardian/children/" + stranger));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .as("the choice is kept")
                .isEqualTo("Not found");
        browser.get(url("/guardian"));
        browser.findElement(By.className("navbar-toggler")).click();
        waitFor()
                .until(ExpectedConditions.elementToBeClickable(By.id("lang-zh")))
                .click();
        waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "我的孩子"));
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
