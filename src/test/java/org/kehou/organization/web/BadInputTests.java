package org.kehou.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewOffering;
import org.kehou.catalog.CatalogManagement.NewSlotPlan;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CatalogManagement.SlotLine;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.Slot;
import org.kehou.catalog.VenueKind;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.RosterFiles;
import org.kehou.organization.TermKind;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Bad input on every form (ORG-3, §4): empty, too long, malformed ID or mobile numbers, markup, numbers out of range,
 * choices not on the list. The form comes back with a clear message beside the field in the user's language, the input
 * escaped, nothing stored, never a 500.
 */
@KehouTest
class BadInputTests {

    static final String MARKUP = "<script>alert(1)</script>";
    static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    Clock clock;

    UserScope countyAdmin;
    UserScope schoolAdmin;
    UUID student;
    UUID ownClass;

    @BeforeEach
    void callers() {
        countyAdmin = demo.scope("LY-JX-ADMIN");
        schoolAdmin = demo.scope("JX-PS-ADMIN");
        student = demo.anyStudentOf("JX-PS");
        ownClass = demo.anyClassOf("JX-PS");
    }

    @Test
    void schoolFormRefusesEmptyTooLongAndMarkup() throws Exception {
        assertRefused(countyAdmin, post("/county/schools"), "此项必填");
        assertRefused(
                countyAdmin,
                post("/county/schools")
                        .param("code", "X-1")
                        .param("name", "校".repeat(101))
                        .param("stage", "PRIMARY"),
                "内容过长");
        String page = assertRefused(
                countyAdmin,
                post("/county/schools")
                        .param("code", MARKUP)
                        .param("name", MARKUP)
                        .param("stage", "PRIMARY"),
                "只能使用字母、数字和连字符");
        assertThat(page).contains("不能包含").contains(ESCAPED).doesNotContain(MARKUP);
        assertRefused(
                countyAdmin,
                post("/county/schools").param("code", "X-2").param("name", "某校").param("stage", "UNIVERSITY"),
                "格式不正确");
        assertRefused(
                countyAdmin,
                post("/county/schools")
                        .param("code", "JX-PS")
                        .param("name", "重复代码")
                        .param("stage", "PRIMARY"),
                "该学校代码已被使用");
    }

    @Test
    void classFormRefusesGradesTheSchoolDoesNotHave() throws Exception {
        assertRefused(schoolAdmin, post("/school/classes"), "此项必填");
        assertRefused(
                schoolAdmin, post("/school/classes").param("gradeLevel", "abc").param("name", "1班"), "请输入数字");
        assertRefused(
                schoolAdmin, post("/school/classes").param("gradeLevel", "12").param("name", "1班"), "年级应为1至9");
        assertRefused(
                schoolAdmin, post("/school/classes").param("gradeLevel", "8").param("name", "1班"), "本校学段没有8年级");
        assertRefused(
                schoolAdmin, post("/school/classes").param("gradeLevel", "1").param("name", "1班"), "该年级已有同名班级");
        assertRefused(
                schoolAdmin, post("/school/classes").param("gradeLevel", "1").param("name", MARKUP), "不能包含");
    }

    @Test
    void studentFormNamesWhatIsWrongWithTheIdNumber() throws Exception {
        String valid = RosterFiles.idNumber(70_001);
        String base = valid.substring(0, 17);
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        assertRefused(schoolAdmin, post("/school/students"), "此项必填");
        assertRefused(schoolAdmin, student("学生甲", base + wrong), "身份证号校验位不正确");
        assertRefused(schoolAdmin, student("学生甲", base), "身份证号应为18位");
        assertRefused(schoolAdmin, student("学生甲", "41030520191332001X"), "出生日期无效");
        assertRefused(schoolAdmin, student("学生甲", "4103052019O101001X"), "只能由数字和末位X组成");
        assertRefused(schoolAdmin, student(MARKUP, valid), "不能包含");
        assertRefused(schoolAdmin, student("名".repeat(51), valid), "内容过长");
    }

    @Test
    void guardianFormRefusesMalformedMobileNumbers() throws Exception {
        for (String mobile : new String[] {"12345", "23800000000", "1380000000a", "138000000001"}) {
            assertRefused(
                    schoolAdmin,
                    post("/school/students/{id}/guardians", student)
                            .param("name", "家长")
                            .param("mobile", mobile)
                            .param("relation", "MOTHER"),
                    "请输入11位手机号码");
        }
        assertRefused(
                schoolAdmin,
                post("/school/students/{id}/guardians", student)
                        .param("name", MARKUP)
                        .param("mobile", "13900000000")
                        .param("relation", "MOTHER"),
                "不能包含");
        assertRefused(schoolAdmin, post("/school/students/{id}/guardians", student), "此项必填");
    }

    @Test
    void staffFormRefusesBadNumbersAndDuplicates() throws Exception {
        assertRefused(schoolAdmin, post("/school/staff"), "此项必填");
        assertRefused(
                schoolAdmin,
                post("/school/staff")
                        .param("staffNo", "T 1")
                        .param("name", "老师")
                        .param("position", "TEACHER"),
                "只能使用字母");
        assertRefused(
                schoolAdmin,
                post("/school/staff")
                        .param("staffNo", "NEW-1")
                        .param("name", "老师")
                        .param("mobile", "110")
                        .param("position", "TEACHER"),
                "请输入11位手机号码");
        assertRefused(
                schoolAdmin,
                post("/school/staff")
                        .param("staffNo", "JX-PS-T01")
                        .param("name", "老师")
                        .param("position", "TEACHER"),
                "该工号已被使用");
    }

    @Test
    void calendarFormsRefuseImpossibleDates() throws Exception {
        assertRefused(schoolAdmin, post("/school/calendar/terms"), "此项必填");
        assertRefused(schoolAdmin, term(2050, "2050-12-01", "2050-09-01"), "结束日期必须晚于开始日期");
        assertRefused(schoolAdmin, term(2050, "2050-03-01", "2050-07-01"), "学期日期不在2050—2051学年内");
        assertRefused(schoolAdmin, term(2050, "not-a-date", "2050-12-01"), "请输入有效日期");
        UUID termId = jdbc.sql(
                        "select id from organization.term where school_id = :s and kind = 'AUTUMN' order by starts_on limit 1")
                .param("s", demo.school("JX-PS"))
                .query(UUID.class)
                .single();
        LocalDate start = jdbc.sql("select starts_on from organization.term where id = :id")
                .param("id", termId)
                .query(LocalDate.class)
                .single();
        LocalDate weekday = start.plusDays(7);
        while (weekday.getDayOfWeek().getValue() > 5) {
            weekday = weekday.plusDays(1);
        }
        assertRefused(
                schoolAdmin,
                post("/school/calendar/terms/{id}/days", termId)
                        .param("day", weekday.toString())
                        .param("kind", "MAKE_UP_DAY"),
                "补课日只能设在周末");
        assertRefused(
                schoolAdmin,
                post("/school/calendar/terms/{id}/days", termId)
                        .param("day", start.minusDays(30).toString())
                        .param("kind", "HOLIDAY"),
                "该日期不在本学期内");
        assertThat(weekday.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    }

    @Test
    void uploadRefusesMissingAndNonExcelFiles() throws Exception {
        assertRefused(schoolAdmin, multipart("/school/import"), "请选择要上传的文件");
        assertRefused(
                schoolAdmin,
                multipart("/school/import")
                        .file(new MockMultipartFile("file", "roster.csv", "text/csv", "a,b".getBytes())),
                "只能上传 .xlsx 格式");
        assertRefused(
                schoolAdmin,
                multipart("/school/import")
                        .file(new MockMultipartFile("file", "roster.xlsx", "text/html", "<html>".getBytes())),
                "只能上传 .xlsx 格式");
    }

    @Test
    void venueFormRefusesEmptyTooLongMarkupUnknownKindsAndImpossibleCapacities() throws Exception {
        assertRefused(schoolAdmin, post("/school/venues"), "此项必填");
        assertRefused(schoolAdmin, venue("场".repeat(51), "LAB", "40"), "内容过长");
        String page = assertRefused(schoolAdmin, venue(MARKUP, "LAB", "40"), "不能包含");
        assertThat(page).contains(ESCAPED);
        assertRefused(schoolAdmin, venue("坏类型场地", MARKUP, "40"), "请从列表中选择场地类型");
        assertRefused(schoolAdmin, venue("坏容量场地", "LAB", "四十"), "请输入数字");
        assertRefused(schoolAdmin, venue("坏容量场地", "LAB", "-3"), "场地容量至少为 1 人");
        assertRefused(schoolAdmin, venue("坏容量场地", "LAB", "99999999999"), "请输入数字");
    }

    @Test
    void catalogSettingsFormsRefuseMissingMalformedAndOutOfRangeNumbers() throws Exception {
        assertRefused(countyAdmin, post("/county/catalog/exercise-minimum"), "此项必填");
        assertRefused(countyAdmin, post("/county/catalog/exercise-minimum").param("minutes", MARKUP), "请输入数字");
        assertRefused(
                countyAdmin,
                post("/county/catalog/exercise-minimum").param("minutes", "1000"),
                "体育锻炼时间应在 0 至 240 分钟之间");
        assertRefused(countyAdmin, post("/county/catalog/exercise-minimum").param("minutes", "0"), "不得低于全市标准");
        assertRefused(countyAdmin, post("/county/catalog/notice-period").param("days", "2.5"), "请输入数字");
        assertRefused(countyAdmin, post("/county/catalog/notice-period").param("days", "365"), "公示天数应在 1 至 60 天之间");
        UserScope city = demo.scope("LY-CITY-001");
        assertRefused(city, post("/city/catalog/exercise-minimum").param("minutes", ""), "此项必填");
        assertRefused(city, post("/city/catalog/exercise-minimum").param("minutes", "-20"), "体育锻炼时间应在 0 至 240 分钟之间");
    }

    @Test
    void timetableFilterNamesWhatCannotBeReadAndEchoesNoMarkup() throws Exception {
        assertRefused(schoolAdmin, get("/school/timetable").param("grade", MARKUP), "请输入数字");
        assertRefused(schoolAdmin, get("/school/timetable").param("grade", "12"), "本校没有 12 年级");
        assertRefused(schoolAdmin, get("/school/timetable").param("venue", MARKUP), "请选择有效的选项");
        assertRefused(schoolAdmin, get("/school/timetable").param("instructor", "0190"), "请选择有效的选项");
        assertRefused(schoolAdmin, get("/school/timetable").param("term", "'; drop table x"), "请选择有效的选项");
        assertRefused(demo.scope("JX-PS-T01"), get("/teacher/timetable").param("term", MARKUP), "请选择有效的选项");
        assertRefused(schoolAdmin, get("/school/timetable").param("drafts", "maybe"), "格式不正确");
    }

    @Test
    void catalogLifecycleFormsRefuseEmptyTooLongMalformedAndMarkup() throws Exception {
        UUID school = schoolAdmin.schoolId();
        int year = jdbc.sql("select coalesce(max(school_year), 2090) + 1 from organization.term where school_id = :s")
                .param("s", school)
                .query(Integer.class)
                .single();
        UUID term = organization.planTerm(
                schoolAdmin, school, year, TermKind.AUTUMN, LocalDate.of(year, 9, 3), LocalDate.of(year + 1, 1, 18));
        UUID venue = catalog.addVenue(schoolAdmin, school, new NewVenue("坏输入教室", VenueKind.CLASSROOM, 40));
        UUID staffCourse = course("坏输入书法", ProviderKind.STAFF);
        UUID institutionCourse = course("坏输入编程", ProviderKind.INSTITUTION);
        UUID published = catalog.draftOffering(schoolAdmin, school, offering(staffCourse, term, venue, null));
        catalog.publishOffering(schoolAdmin, published);
        UUID feeBearing = catalog.draftOffering(
                schoolAdmin, school, offering(institutionCourse, term, venue, new java.math.BigDecimal("300")));
        UUID plan = catalog.draftSlotPlan(
                schoolAdmin,
                school,
                new NewSlotPlan(
                        term,
                        DayOfWeek.MONDAY,
                        1,
                        2,
                        java.util.List.of(new SlotLine(
                                Slot.SLOT_1,
                                java.time.LocalTime.of(15, 30),
                                java.time.LocalTime.of(16, 30),
                                "作业",
                                20))));

        assertRefused(
                schoolAdmin, post("/school/offerings/{id}/cancel", published).param("reason", ""), "须填写原因");
        assertRefused(
                schoolAdmin, post("/school/offerings/{id}/cancel", published).param("reason", MARKUP), "不能包含");
        assertRefused(
                schoolAdmin, post("/school/offerings/{id}/cancel", published).param("reason", "因".repeat(201)), "内容过长");
        assertRefused(schoolAdmin, post("/school/offerings/copy"), "此项必填");
        assertRefused(
                schoolAdmin,
                post("/school/offerings/copy")
                        .param("fromTermId", term.toString())
                        .param("toTermId", "not-a-term"),
                "请选择有效的选项");
        assertRefused(
                schoolAdmin,
                post("/school/offerings/copy")
                        .param("fromTermId", term.toString())
                        .param("toTermId", term.toString()),
                "请选择另一个学期作为复制目标。");
        assertRefused(schoolAdmin, post("/school/slot-plans/copy").param("fromTermId", term.toString()), "此项必填");
        assertRefused(schoolAdmin, post("/school/offerings/{id}/notice", feeBearing), "此项必填");
        assertRefused(schoolAdmin, notice(feeBearing).param("payee", MARKUP), "不能包含");
        assertRefused(schoolAdmin, notice(feeBearing).param("content", "容".repeat(2001)), "内容过长");
        assertRefused(schoolAdmin, notice(published), "只有校外培训机构的收费课程需要发布收费公示。");
        assertRefused(schoolAdmin, post("/school/slot-plans/{id}", plan), "此项必填");
        assertRefused(
                schoolAdmin,
                post("/school/slot-plans/{id}", plan)
                        .param("slot1Start", "15:30")
                        .param("slot1End", "1530")
                        .param("slot1Activities", MARKUP)
                        .param("slot1Exercise", "x")
                        .param("slot2Start", "16:40")
                        .param("slot2End", "17:40")
                        .param("slot2Activities", "社团")
                        .param("slot2Exercise", "20"),
                "请输入有效的时间");
        assertRefused(
                schoolAdmin,
                post("/school/offerings")
                        .param("courseId", institutionCourse.toString())
                        .param("termId", term.toString())
                        .param("weekday", "FRIDAY")
                        .param("slot", "SLOT_2")
                        .param("venueId", venue.toString())
                        .param("instructorId", demo.scope("JX-PS-T01").staffId().toString())
                        .param("capacity", "30")
                        .param("grades", "3")
                        .param("exerciseMinutes", "20")
                        .param("fee", "三百"),
                "请输入金额");
    }

    private UUID course(String name, ProviderKind provider) {
        return catalog.defineCourse(
                schoolAdmin,
                schoolAdmin.schoolId(),
                new NewCourse(
                        name,
                        CourseCategory.SCHOOL_BASED,
                        null,
                        java.util.List.of(3),
                        null,
                        null,
                        provider,
                        null,
                        java.util.List.of()));
    }

    private NewOffering offering(UUID course, UUID term, UUID venue, java.math.BigDecimal fee) {
        return new NewOffering(
                course,
                term,
                fee == null ? DayOfWeek.TUESDAY : DayOfWeek.THURSDAY,
                Slot.SLOT_2,
                venue,
                java.util.List.of(demo.scope("JX-PS-T01").staffId()),
                30,
                java.util.List.of(3),
                fee,
                20,
                null,
                null,
                null,
                java.util.List.of());
    }

    private AbstractMockHttpServletRequestBuilder<?> notice(UUID offering) {
        return post("/school/offerings/{id}/notice", offering)
                .param("content", "编程入门")
                .param("feeStandard", "每学期 300 元")
                .param("covers", "教材")
                .param("refundRule", "开课前可退费")
                .param("payee", "某培训中心");
    }

    @Test
    void messagesFollowTheUsersLanguage() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/school/students")
                        .cookie(new Cookie("kehou-lang", "en"))
                        .with(csrf())
                        .with(SignIn.as(schoolAdmin)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("This is required.").doesNotContain("此项必填");
    }

    @Test
    void serviceTimeFormRefusesMissingGarbledAndUnknownValues() throws Exception {
        UUID term = anyTermOf("JX-PS");
        assertRefused(schoolAdmin, post("/school/services"), "此项必填");
        assertRefused(schoolAdmin, serviceTime(term, "SLOT_1", "", ""), "此项必填");
        assertRefused(schoolAdmin, serviceTime(term, "SLOT_1", "25:99", "16:30"), "请输入有效的时间");
        String markup = assertRefused(schoolAdmin, serviceTime(term, "SLOT_1", MARKUP, "16:30"), "请输入有效的时间");
        assertThat(markup).contains(ESCAPED);
        assertRefused(schoolAdmin, serviceTime(term, "NIGHT_SHIFT", "15:30", "16:30"), "格式不正确");
        assertRefused(
                schoolAdmin,
                post("/school/services")
                        .param("termId", "not-a-uuid")
                        .param("kind", "SLOT_1")
                        .param("startsAt", "15:30")
                        .param("endsAt", "16:30"),
                "请选择有效的选项");
        assertRefused(schoolAdmin, serviceTime(term, "SLOT_1", "15:30", "16:30").param("firstGrade", "abc"), "请输入数字");
        assertRefused(schoolAdmin, serviceTime(term, "SLOT_1", "15:30", "16:30").param("lastGrade", "12"), "年级应为1至9");
        assertRefused(schoolAdmin, serviceTime(term, "SLOT_1", "15:30", "16:30").param("offered", "maybe"), "格式不正确");
        MockHttpServletResponse english = mvc.perform(serviceTime(term, "SLOT_1", "", "16:30")
                        .cookie(new Cookie("kehou-lang", "en"))
                        .with(csrf())
                        .with(SignIn.as(schoolAdmin)))
                .andReturn()
                .getResponse();
        assertThat(english.getContentAsString()).contains("This is required.").doesNotContain("此项必填");
    }

    @Test
    void serviceTimeFormAnswersAnotherSchoolsTermWithNotFound() throws Exception {
        long before = fingerprint();
        MockHttpServletResponse response = mvc.perform(serviceTime(anyTermOf("LL-PS"), "SLOT_1", "15:30", "16:30")
                        .with(csrf())
                        .with(SignIn.as(schoolAdmin)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void openingFormRefusesMissingGarbledAndUnknownValues() throws Exception {
        String empty = assertRefused(schoolAdmin, post("/school/openings"), "此项必填");
        assertThat(empty).contains("非上学日开放须至少安排一名看护人员。");
        UUID venue = jdbc.sql("select id from catalog.venue where school_id = :s order by id limit 1")
                .param("s", demo.school("JX-PS"))
                .query(UUID.class)
                .optional()
                .orElseGet(UUID::randomUUID);
        assertRefused(schoolAdmin, opening(venue, "onDate", "2027-13-45"), "请输入有效日期");
        assertRefused(schoolAdmin, opening(venue, "startsAt", "9点"), "请输入有效的时间");
        String markup = assertRefused(schoolAdmin, opening(venue, "endsAt", MARKUP), "请输入有效的时间");
        assertThat(markup).contains(ESCAPED);
        assertRefused(schoolAdmin, opening(venue, "purpose", "PARTY"), "格式不正确");
        assertRefused(schoolAdmin, opening(venue, "venueId", "not-a-uuid"), "请选择有效的选项");
        assertRefused(schoolAdmin, opening(venue, "supervisors", "nobody"), "格式不正确");
        assertRefused(schoolAdmin, opening(venue, "capacity", "many"), "请输入数字");
        assertRefused(schoolAdmin, opening(venue, "capacity", "0"), "人数上限应在 1 至 2000 人之间。");
        MockHttpServletResponse english = mvc.perform(opening(venue, "capacity", "5000")
                        .cookie(new Cookie("kehou-lang", "en"))
                        .with(csrf())
                        .with(SignIn.as(schoolAdmin)))
                .andReturn()
                .getResponse();
        assertThat(english.getContentAsString()).contains("The capacity must be between 1 and 2000.");
    }

    @Test
    void openingFormAnswersAnotherSchoolsVenueOrAMalformedIdWithNotFound() throws Exception {
        UUID theirs = jdbc.sql("select id from catalog.venue where school_id = :s order by id limit 1")
                .param("s", demo.school("LL-PS"))
                .query(UUID.class)
                .optional()
                .orElseGet(() -> catalog.addVenue(
                        demo.scope("LL-PS-ADMIN"),
                        demo.school("LL-PS"),
                        new CatalogManagement.NewVenue("坏输入他校场地", VenueKind.GYM, 80)));
        long before = fingerprint();
        for (var request : List.of(
                opening(theirs, "capacity", "20"),
                post("/school/openings/{id}/publish", "not-a-uuid"),
                post("/school/openings/{id}/publish", UUID.randomUUID()))) {
            MockHttpServletResponse response = mvc.perform(request.with(csrf()).with(SignIn.as(schoolAdmin)))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.getContentAsString()).doesNotContain("Exception");
        }
        assertThat(fingerprint()).isEqualTo(before);
    }

    private UUID anyTermOf(String school) {
        return jdbc.sql("select id from organization.term where school_id = :s order by starts_on limit 1")
                .param("s", demo.school(school))
                .query(UUID.class)
                .single();
    }

    private AbstractMockHttpServletRequestBuilder<?> serviceTime(UUID term, String kind, String from, String to) {
        return post("/school/services")
                .param("termId", term.toString())
                .param("kind", kind)
                .param("startsAt", from)
                .param("endsAt", to);
    }

    /** A valid opening of the venue next Saturday with one value replaced. */
    private AbstractMockHttpServletRequestBuilder<?> opening(UUID venue, String field, String value) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("venueId", venue.toString());
        values.put(
                "onDate",
                LocalDate.now(clock)
                        .plusWeeks(2)
                        .with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.SATURDAY))
                        .toString());
        values.put("startsAt", "09:00");
        values.put("endsAt", "11:00");
        values.put("capacity", "30");
        values.put("purpose", "CARE");
        values.put("supervisors", demo.scope("JX-PS-ADMIN").staffId().toString());
        values.put(field, value);
        var request = post("/school/openings");
        values.forEach(request::param);
        return request;
    }

    private AbstractMockHttpServletRequestBuilder<?> student(String name, String idNumber) {
        return post("/school/students")
                .param("name", name)
                .param("idNumber", idNumber)
                .param("classId", ownClass.toString());
    }

    private AbstractMockHttpServletRequestBuilder<?> venue(String name, String kind, String capacity) {
        return post("/school/venues").param("name", name).param("kind", kind).param("capacity", capacity);
    }

    private AbstractMockHttpServletRequestBuilder<?> term(int year, String starts, String ends) {
        return post("/school/calendar/terms")
                .param("schoolYear", String.valueOf(year))
                .param("kind", "AUTUMN")
                .param("startsOn", starts)
                .param("endsOn", ends);
    }

    /** Posts the form and checks: 200, the message shown, no stack trace, and nothing stored or audited. */
    private String assertRefused(UserScope caller, AbstractMockHttpServletRequestBuilder<?> request, String message)
            throws Exception {
        long before = fingerprint();
        MockHttpServletResponse response = mvc.perform(request.with(csrf()).with(SignIn.as(caller)))
                .andReturn()
                .getResponse();
        String page = response.getContentAsString();
        assertThat(response.getStatus()).as(message).isEqualTo(200);
        assertThat(page)
                .as(message)
                .contains(message)
                .doesNotContain("Exception")
                .doesNotContain(MARKUP);
        assertThat(fingerprint()).as("nothing stored for: " + message).isEqualTo(before);
        return page;
    }

    private long fingerprint() {
        return jdbc.sql("""
                        select (select count(*) from platform.audit_event) * 1000003 + (select count(*) from organization.school) * 7919
                          + (select count(*) from organization.school_class) * 104729 + (select count(*) from organization.student) * 31
                          + (select count(*) from organization.guardian) * 131 + (select count(*) from organization.staff) * 17
                          + (select count(*) from organization.term) * 13 + (select count(*) from organization.calendar_day) * 3
                          + (select count(*) from organization.import_job)
                          + (select count(*) + coalesce(sum(version), 0) from catalog.service_time) * 43
                          + (select count(*) + coalesce(sum(version), 0) from catalog.opening) * 53
                          + (select count(*) from catalog.venue) * 59
                          + (select count(*) + coalesce(sum(version), 0) from catalog.exercise_minimum) * 61
                          + (select count(*) + coalesce(sum(version), 0) from catalog.notice_period) * 67
                          + (select count(*) from catalog.offering) * 37 + (select coalesce(sum(version), 0) from catalog.offering) * 41
                          + (select count(*) from catalog.slot_plan) * 23 + (select coalesce(sum(version), 0) from catalog.slot_plan) * 29
                          + (select count(*) from catalog.fee_notice) * 71""").query(Long.class).single();
    }
}
