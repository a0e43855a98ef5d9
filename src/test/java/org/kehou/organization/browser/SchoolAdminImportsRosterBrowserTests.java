package org.kehou.organization.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.organization.RosterFiles;
import org.kehou.support.BrowserTest;
import org.kehou.support.Browsers;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * ORG-3 as a school admin does it: sign in, download the template, upload a roster with one bad row, read that row's
 * error, fix it, upload again and find the students.
 */
@BrowserTest
@ActiveProfiles("test")
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties =
                "spring.datasource.url=jdbc:h2:mem:import-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class SchoolAdminImportsRosterBrowserTests {

    @LocalServerPort
    int port;

    WebDriver browser;
    Path folder;

    @BeforeEach
    void start() throws Exception {
        browser = Browsers.chrome(1280, 900);
        folder = Files.createTempDirectory("roster");
    }

    @AfterEach
    void stop() {
        browser.quit();
    }

    @Test
    void fixesTheRowTheImportRefusedAndFindsTheStudents() throws Exception {
        browser.get(url("/login"));
        browser.findElement(By.id("login")).sendKeys("JX-PS-ADMIN");
        browser.findElement(By.id("password")).sendKeys("Kehou@2026");
        browser.findElement(By.id("sign-in")).click();
        waitFor().until(ExpectedConditions.urlToBe(url("/school")));

        browser.findElement(By.linkText("导入花名册")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("template")));
        byte[] template = download(browser.findElement(By.id("template")).getAttribute("href"));

        String good1 = RosterFiles.idNumber(60_001);
        String good2 = RosterFiles.idNumber(60_002);
        String good3 = RosterFiles.idNumber(60_003);
        String bad = good2.substring(0, 17) + (good2.charAt(17) == '0' ? '1' : '0');
        Path first = fill(
                template,
                "first.xlsx",
                List.of(
                        new String[] {"4", "3班", "欧阳浏览", good1, "欧阳妈妈", "母亲", "13300060001"},
                        new String[] {"4", "3班", "司马浏览", bad, "司马爸爸", "父亲", "13300060002"},
                        new String[] {"4", "3班", "诸葛浏览", good3, "诸葛妈妈", "母亲", "13300060003"}));
        upload(first);
        WebElement errors = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("job-errors")));
        List<WebElement> rows = errors.findElements(By.cssSelector("tr.import-error"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).findElements(By.tagName("td")))
                .extracting(WebElement::getText)
                .containsExactly("3", "D · 学生身份证号", "身份证号校验位不正确，请核对。");
        assertThat(errors.getText()).contains("未导入任何数据");

        Path fixed = fill(
                template,
                "fixed.xlsx",
                List.of(
                        new String[] {"4", "3班", "欧阳浏览", good1, "欧阳妈妈", "母亲", "13300060001"},
                        new String[] {"4", "3班", "司马浏览", good2, "司马爸爸", "父亲", "13300060002"},
                        new String[] {"4", "3班", "诸葛浏览", good3, "诸葛妈妈", "母亲", "13300060003"}));
        browser.get(url("/school/import"));
        upload(fixed);
        WebElement done = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("job-done")));
        assertThat(done.getText()).isEqualTo("导入完成：新增 3 名学生，更新 0 名学生。");

        browser.get(url("/school/students"));
        browser.findElement(By.id("q")).sendKeys("浏览");
        browser.findElement(By.id("search")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("students"), "司马浏览"));
        List<String> names = browser.findElements(By.cssSelector("#students tbody tr td:first-child")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(names).containsExactlyInAnyOrder("欧阳浏览", "司马浏览", "诸葛浏览");
        assertThat(browser.findElement(By.id("students")).getText())
                .doesNotContain(good2)
                .contains(good2.substring(0, 3) + "***********");
    }

    private void upload(Path file) {
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.id("upload")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("job")));
    }

    /** Fetches a link with the browser's own session, as the browser's download would. */
    private byte[] download(String href) throws Exception {
        String session = browser.manage().getCookieNamed("SESSION").getValue();
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", "SESSION=" + session)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment")
                .contains(".xlsx");
        return response.body();
    }

    private Path fill(byte[] template, String name, List<String[]> rows) throws Exception {
        Path file = folder.resolve(name);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(template));
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).length; c++) {
                    row.createCell(c).setCellValue(rows.get(r)[c]);
                }
            }
            workbook.write(out);
        }
        return file;
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
