package org.kehou.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.support.BrowserTest;
import org.kehou.support.Browsers;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:sign-in-page;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "kehou.demo.enabled=true"
        })
class SignInPageBrowserTests {

    @LocalServerPort
    int port;

    WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = Browsers.chrome(1280, 900);
    }

    @AfterEach
    void quitBrowser() {
        browser.quit();
    }

    @Test
    void cityAdminSignsInOnTheChinesePageSeesTheCountiesOfLuoyangAndSignsOut() {
        browser.get(url("/login"));
        assertThat(browser.getTitle()).startsWith("登录");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录");

        browser.findElement(By.id("login")).sendKeys("LY-CITY-001");
        browser.findElement(By.id("password")).sendKeys("Kehou@2026");
        browser.findElement(By.id("sign-in")).click();
        await().until(page -> !page.getCurrentUrl().contains("/login"));

        assertThat(browser.getCurrentUrl()).isEqualTo(url("/city"));
        assertThat(browser.findElement(By.id("me")).getText()).isEqualTo("洛阳市教育局基教科");
        List<String> counties = browser.findElements(By.cssSelector("#counties tbody tr td:first-child")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(counties).hasSize(15).contains("涧西区", "洛龙区", "老城区", "伊川县");

        browser.findElement(By.id("sign-out")).click();
        await().until(page -> page.getCurrentUrl().endsWith("/login?signedOut"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
        browser.get(url("/city"));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/login"));
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
