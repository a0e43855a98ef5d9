package org.kehou.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.VenueKind;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The school's offerings (COURSE-2): a slot-1 offering declared as a new lesson is refused with the CONTENT-4
 * message on the page in the user's language and nothing is stored; one declaring homework Q&A is drafted and
 * published; bad input is refused beside its field with nothing stored.
 */
@KehouTest
class OfferingWebTests {

    static final String MARKUP = "<script>alert(1)</script>";
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogManagement catalog;

    UserScope admin() {
        return demo.scope("JX-PS-ADMIN");
    }

    @Test
    void aSlotOneNewLessonIsRefusedWithTheMessageAndHomeworkQaIsDraftedAndPublished() throws Exception {
        Map<String, String> values = offering("SLOT_1", "NEW_LESSON");
        String page = assertRefusedOnPage(values, null);
        assertThat(page).contains("第一时段不得讲授新课，请改为自主作业、答疑等课业辅导内容。");
        String english = assertRefusedOnPage(values, "en");
        assertThat(english)
                .contains(
                        "Slot 1 may not teach new lessons; change it to homework help such as homework or questions.");

        values.put("slotOneContent", "HOMEWORK_QA");
        var before = ids();
        var response = mvc.perform(request(values).with(csrf()).with(SignIn.as(admin())))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/school/offerings?term=" + values.get("termId"));
        var after = new ArrayList<>(ids());
        after.removeAll(before);
        assertThat(after).hasSize(1);
        UUID drafted = after.getFirst();
        assertThat(state(drafted)).isEqualTo("DRAFT");

        var published = mvc.perform(post("/school/offerings/{id}/publish", drafted)
                        .with(csrf())
                        .with(SignIn.as(admin())))
                .andReturn()
                .getResponse();
        assertThat(published.getStatus()).isEqualTo(302);
        assertThat(state(drafted)).isEqualTo("PUBLISHED");
        String list = mvc.perform(get("/school/offerings")
                        .param("term", values.get("termId"))
                        .with(SignIn.as(admin())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("id=\"offering-" + drafted + "\"").contains("作业面批答疑");
    }

    @Test
    void anEmptyFormNamesEachRequiredField() throws Exception {
        String page = assertRefused(new LinkedHashMap<>(), "courseId", "此项必填");
        for (String field : List.of("termId", "weekday", "slot", "venueId", "instructorId", "capacity")) {
            assertBeside(page, field, "此项必填");
        }
        assertBeside(page, "grades", "请至少选择一个面向年级");
    }

    @Test
    void tooLargeOrMalformedNumbersAreRefused() throws Exception {
        Map<String, String> values = offering("SLOT_2", null);
        values.put("capacity", "9".repeat(5));
        assertRefused(values, "capacity", "不能超过");
        values.put("capacity", "30");
        values.put("exerciseMinutes", "-5");
        assertRefused(values, "exerciseMinutes", "不能为负数");
    }

    @Test
    void markupIsShownEscapedAndRefused() throws Exception {
        Map<String, String> values = offering("SLOT_2", null);
        values.put("capacity", MARKUP);
        assertRefused(values, "capacity", "请输入数字");
    }

    private Map<String, String> offering(String slot, String content) {
        UUID school = admin().schoolId();
        int n = SEQUENCE.incrementAndGet();
        UUID venue = catalog.addVenue(admin(), school, new NewVenue("网页开课场地" + n, VenueKind.CLASSROOM, 40));
        UUID course = catalog.defineCourse(
                admin(),
                school,
                new NewCourse(
                        "网页开课课程" + n,
                        CourseCategory.SCHOOL_BASED,
                        null,
                        List.of(3, 4),
                        null,
                        null,
                        ProviderKind.STAFF,
                        null,
                        List.of()));
        UUID term = jdbc.sql("select id from organization.term where school_id = :s order by starts_on desc limit 1")
                .param("s", school)
                .query(UUID.class)
                .single();
        UUID staff = demo.newTeacher(school);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("courseId", course.toString());
        values.put("termId", term.toString());
        values.put("weekday", "TUESDAY");
        values.put("slot", slot);
        values.put("venueId", venue.toString());
        values.put("instructorId", staff.toString());
        values.put("capacity", "30");
        values.put("grades", "3");
        values.put("exerciseMinutes", "20");
        if (content != null) {
            values.put("slotOneContent", content);
        }
        return values;
    }

    private static MockHttpServletRequestBuilder request(Map<String, String> values) {
        MockHttpServletRequestBuilder request = post("/school/offerings");
        values.forEach(request::param);
        return request;
    }

    private String assertRefusedOnPage(Map<String, String> values, String language) throws Exception {
        long before = offerings();
        var request = request(values).with(csrf()).with(SignIn.as(admin()));
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        String page = response.getContentAsString();
        assertThat(page).contains("form-errors").doesNotContain("Exception");
        assertThat(offerings()).as("nothing stored").isEqualTo(before);
        return page;
    }

    private String assertRefused(Map<String, String> values, String field, String message) throws Exception {
        long before = offerings();
        MockHttpServletResponse response = mvc.perform(
                        request(values).with(csrf()).with(SignIn.as(admin())))
                .andReturn()
                .getResponse();
        String page = response.getContentAsString();
        assertThat(response.getStatus()).as(message).isEqualTo(200);
        assertThat(page).as(message).doesNotContain("Exception").doesNotContain(MARKUP);
        assertBeside(page, field, message);
        assertThat(offerings()).as("nothing stored for: " + message).isEqualTo(before);
        return page;
    }

    private static void assertBeside(String page, String field, String message) {
        Pattern beside =
                Pattern.compile("(?s)id=\"" + field + "\".*?<div class=\"invalid-feedback[^\"]*\">([^<]*)</div>");
        var matcher = beside.matcher(page);
        assertThat(matcher.find()).as("an error beside " + field).isTrue();
        assertThat(matcher.group(1)).as("the error beside " + field).contains(message);
    }

    private List<UUID> ids() {
        return jdbc.sql("select id from catalog.offering").query(UUID.class).list();
    }

    private String state(UUID offering) {
        return jdbc.sql("select state from catalog.offering where id = :id")
                .param("id", offering)
                .query(String.class)
                .single();
    }

    private long offerings() {
        return jdbc.sql("select count(*) from catalog.offering")
                .query(Long.class)
                .single();
    }
}
