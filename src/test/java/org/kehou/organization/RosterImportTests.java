package org.kehou.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.organization.RosterImport.ImportJob;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** ORG-3: template, upload with row errors and nothing imported, idempotent re-import, exports. */
@KehouTest
class RosterImportTests {

    private static final Logger log = LoggerFactory.getLogger(RosterImportTests.class);

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    RosterImport roster;

    UserScope admin;

    @BeforeEach
    void signIn() {
        admin = demo.scope("JX-PS-ADMIN");
    }

    @Test
    void templateHasTheHeadersInTheUsersLanguage() throws Exception {
        byte[] file = mvc.perform(get("/school/import/template.xlsx").with(SignIn.as(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter f = new DataFormatter();
            for (int i = 0; i < RosterFiles.HEADERS.length; i++) {
                assertThat(f.formatCellValue(sheet.getRow(0).getCell(i))).isEqualTo(RosterFiles.HEADERS[i]);
            }
            assertThat(sheet.getLastRowNum())
                    .as("the sheet read on import holds no example row")
                    .isZero();
        }
    }

    @Test
    void reportsEveryBadRowWithColumnAndReasonAndImportsNothing() throws Exception {
        long before = demo.count("select count(*) from organization.student");
        byte[] file = RosterFiles.roster()
                .student(3, "9班", "周一鸣", 101, "13700000101")
                .row("3", "9班", "吴二", RosterFiles.idNumber(102).substring(0, 17) + "0", "吴父", "父亲", "13700000102")
                .row("12", "9班", "郑三", RosterFiles.idNumber(103), "郑母", "母亲", "1370000010")
                .row("3", "9班", "<script>alert(1)</script>", RosterFiles.idNumber(104), "冯母", "阿姨", "13700000104")
                .bytes();
        ImportJob job = upload(file);
        assertThat(job.status()).isEqualTo("FAILED");
        assertThat(job.errors())
                .extracting(e -> e.row() + ":" + e.column() + ":" + e.messageKey())
                .containsExactlyInAnyOrder(
                        "3:ID_NUMBER:validation.idNumber.checkDigit",
                        "4:GRADE:validation.grade",
                        "4:GUARDIAN_MOBILE:validation.mobile.format",
                        "5:STUDENT_NAME:validation.plainText",
                        "5:RELATION:import.relation");
        assertThat(demo.count("select count(*) from organization.student")).isEqualTo(before);
        assertThat(demo.count("select count(*) from organization.school_class where name = '9班'"))
                .isZero();
        String page = mvc.perform(get("/school/import/" + job.id()).with(SignIn.as(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("身份证号校验位不正确").contains("D · 学生身份证号").doesNotContain("<script>alert");
    }

    @Test
    void importsStudentsWithGuardiansAndReimportChangesNothing() throws Exception {
        byte[] file = RosterFiles.roster()
                .student(2, "8班", "陈晓东", 201, "13700000201")
                .student(2, "8班", "林小雨", 202, "13700000202")
                .row("2", "8班", "林小雨", RosterFiles.idNumber(202), "林爸爸", "父亲", "13700000203")
                .bytes();
        ImportJob first = upload(file);
        assertThat(first.status()).isEqualTo("DONE");
        assertThat(first.created()).isEqualTo(2);
        assertThat(
                        demo.count(
                                "select count(*) from organization.student_guardian sg join organization.student st on st.id = sg.student_id where st.name = '林小雨'"))
                .isEqualTo(2);
        long students = demo.count("select count(*) from organization.student");
        long guardians = demo.count("select count(*) from organization.guardian");
        long audits = demo.count("select count(*) from platform.audit_event");

        ImportJob again = upload(file);
        assertThat(again.status()).isEqualTo("DONE");
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(demo.count("select count(*) from organization.student")).isEqualTo(students);
        assertThat(demo.count("select count(*) from organization.guardian")).isEqualTo(guardians);
        assertThat(demo.count("select count(*) from platform.audit_event"))
                .as("nothing written, nothing audited")
                .isEqualTo(audits);
    }

    @Test
    void refusesAStudentRegisteredAtAnotherSchool() throws Exception {
        byte[] file =
                RosterFiles.roster().student(1, "7班", "王小明", 301, "13700000301").bytes();
        assertThat(upload(file).status()).isEqualTo("DONE");
        UserScope other = demo.scope("LL-PS-ADMIN");
        UUID job = roster.start(other, "roster.xlsx", file, java.util.Locale.SIMPLIFIED_CHINESE);
        ImportJob result = awaitDone(other, job);
        assertThat(result.errors()).extracting(e -> e.messageKey()).containsExactly("student.idNumberAtOtherSchool");
    }

    @Test
    void importsFiveThousandRows() throws Exception {
        RosterFiles file = RosterFiles.roster();
        for (int i = 0; i < 5000; i++) {
            file.student(4 + i % 3, (10 + i / 1000) + "班", "学生" + i, 10_000 + i, "1360%07d".formatted(i));
        }
        byte[] content = file.bytes();
        long start = System.nanoTime();
        ImportJob job = upload(content);
        log.info("5,000-row import took {} ms", (System.nanoTime() - start) / 1_000_000);
        assertThat(job.status()).isEqualTo("DONE");
        assertThat(job.created()).isEqualTo(5000);
    }

    @Test
    void refusesAFileThatIsNotAWorkbook() throws Exception {
        MockMultipartFile fake =
                new MockMultipartFile("file", "roster.xlsx", RosterFilesTypes.XLSX, "not a workbook".getBytes());
        String location = mvc.perform(
                        multipart("/school/import").file(fake).with(csrf()).with(SignIn.as(admin)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        ImportJob job = awaitDone(admin, UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
        assertThat(job.errors()).extracting(e -> e.messageKey()).containsExactly("import.notWorkbook");
    }

    @Test
    void exportsTheSchoolRosterWithNeutralisedCells() throws Exception {
        byte[] file = RosterFiles.roster()
                .row("5", "=1+1", "@SUM(A1)", RosterFiles.idNumber(401), "+王", "母亲", "13700000401")
                .bytes();
        ImportJob job = upload(file);
        assertThat(job.errors()).as("formula-like names are refused on import").isNotEmpty();
        byte[] export = mvc.perform(get("/school/roster.xlsx").with(SignIn.as(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(export))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(150);
            assertThat(new DataFormatter().formatCellValue(sheet.getRow(1).getCell(5)))
                    .matches("\\d{3}\\*{11}[\\dX]{4}");
        }
        assertThat(RosterWorkbook.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(RosterWorkbook.neutralise("+1")).isEqualTo("'+1");
        assertThat(RosterWorkbook.neutralise("-1")).isEqualTo("'-1");
        assertThat(RosterWorkbook.neutralise("@x")).isEqualTo("'@x");
        assertThat(RosterWorkbook.neutralise("张三")).isEqualTo("张三");
    }

    private ImportJob upload(byte[] file) throws Exception {
        MockMultipartFile part = new MockMultipartFile("file", "roster.xlsx", RosterFilesTypes.XLSX, file);
        String location = mvc.perform(
                        multipart("/school/import").file(part).with(csrf()).with(SignIn.as(admin)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return awaitDone(admin, UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
    }

    private ImportJob awaitDone(UserScope scope, UUID job) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> roster.job(scope, job), j -> !j.running());
    }

    private static final class RosterFilesTypes {
        static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
}
