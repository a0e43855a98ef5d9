package org.kehou.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
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
 * The school's course system page (COURSE-1): a category × grade grid, and a course form that refuses bad input
 * with the message beside the field, the input escaped and nothing stored.
 */
@KehouTest
class CourseWebTests {

    static final String MARKUP = "<script>alert(1)</script>";
    static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    UserScope admin() {
        return demo.scope("JX-PS-ADMIN");
    }

    @Test
    void aDefinedCourseAppearsInItsCategoryAndGradesOfTheGrid() throws Exception {
        var response = mvc.perform(course("网页国画社", "TRADITIONAL_CULTURE")
                        .param("activityKind", "ARTS")
                        .param("grades", "3", "4")
                        .with(csrf())
                        .with(SignIn.as(admin())))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/school/courses");
        String page = mvc.perform(get("/school/courses").with(SignIn.as(admin())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"course-grid\"").contains("传统文化").contains("6年级");
        String row = page.substring(
                page.indexOf("id=\"category-TRADITIONAL_CULTURE\""),
                page.indexOf("</tr>", page.indexOf("id=\"category-TRADITIONAL_CULTURE\"")));
        // the header cell, then grades 1..6: the course sits in the cells of grades 3 and 4
        String[] cells = row.split("<td");
        assertThat(cells).hasSize(7);
        assertThat(cells[3]).contains("网页国画社").contains("艺术");
        assertThat(cells[4]).contains("网页国画社");
        assertThat(cells[2]).doesNotContain("网页国画社");
        assertThat(cells[5]).doesNotContain("网页国画社");
    }

    @Test
    void anEmptyFormNamesEachRequiredField() throws Exception {
        String page = assertRefused(post("/school/courses").param("providerKind", "STAFF"), "name", "此项必填");
        assertBeside(page, "category", "此项必填");
        assertBeside(page, "grades", "请至少选择一个适用年级");
    }

    @Test
    void aTooLongNameIsRefused() throws Exception {
        assertRefused(course("课".repeat(51), "SCHOOL_BASED").param("grades", "1"), "name", "内容过长");
        assertRefused(
                course("网页长目标", "SCHOOL_BASED").param("grades", "1").param("goals", "标".repeat(501)), "goals", "内容过长");
    }

    @Test
    void markupIsShownEscapedAndRefused() throws Exception {
        String page = assertRefused(course(MARKUP, "SCHOOL_BASED").param("grades", "1"), "name", "不能包含");
        assertThat(page).contains(ESCAPED);
        assertRefused(
                course("网页简介", "SCHOOL_BASED").param("grades", "1").param("description", MARKUP),
                "description",
                "不能包含");
    }

    @Test
    void gradesTheSchoolLacksAreRefused() throws Exception {
        assertRefused(course("网页初中课", "SCIENCE_LITERACY").param("grades", "3", "8"), "grades", "本校没有 8 年级");
        assertRefused(course("网页高年级课", "SCIENCE_LITERACY").param("grades", "12"), "grades", "本校没有 12 年级");
    }

    private static MockHttpServletRequestBuilder course(String name, String category) {
        return post("/school/courses")
                .param("name", name)
                .param("category", category)
                .param("providerKind", "STAFF");
    }

    private String assertRefused(MockHttpServletRequestBuilder request, String field, String message) throws Exception {
        long before = courses();
        MockHttpServletResponse response = mvc.perform(request.with(csrf()).with(SignIn.as(admin())))
                .andReturn()
                .getResponse();
        String page = response.getContentAsString();
        assertThat(response.getStatus()).as(message).isEqualTo(200);
        assertThat(page).as(message).doesNotContain("Exception").doesNotContain(MARKUP);
        assertBeside(page, field, message);
        assertThat(courses()).as("nothing stored for: " + message).isEqualTo(before);
        return page;
    }

    /** The message is in the error shown right after the field with this id. */
    private static void assertBeside(String page, String field, String message) {
        Pattern beside =
                Pattern.compile("(?s)id=\"" + field + "\".*?<div class=\"invalid-feedback[^\"]*\">([^<]*)</div>");
        var matcher = beside.matcher(page);
        assertThat(matcher.find()).as("an error beside " + field).isTrue();
        assertThat(matcher.group(1)).as("the error beside " + field).contains(message);
    }

    private long courses() {
        return jdbc.sql("select count(*) from catalog.course").query(Long.class).single();
    }
}
