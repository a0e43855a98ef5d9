package org.kehou.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
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
 * The school's daily slot plans (CONTENT-3): a plan without the exercise minimum in a slot is refused on publishing
 * with the message on the page in the user's language and stays a draft; one with enough exercise publishes; bad
 * input is refused beside its field with nothing stored.
 */
@KehouTest
class SlotPlanWebTests {

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
    void aPlanLackingExerciseIsRefusedWithTheMessageAndPublishesOnceExerciseIsAdded() throws Exception {
        UUID lacking = draft(plan("WEDNESDAY", "1", "2", "5", "20"));
        String page = publish(lacking, null);
        assertThat(page).contains("id=\"publish-refusal\"").contains("第 1 时段只安排了 5 分钟体育锻炼，至少需要 20 分钟，请补足后再发布。");
        assertThat(state(lacking)).isEqualTo("DRAFT");

        String english = publish(lacking, "en");
        assertThat(english)
                .contains(
                        "Slot 1 has 5 minutes of exercise, at least 20 are required; add exercise before publishing.");
        assertThat(state(lacking)).isEqualTo("DRAFT");

        UUID enough = draft(plan("WEDNESDAY", "1", "2", "20", "25"));
        var response = mvc.perform(post("/school/slot-plans/{id}/publish", enough)
                        .with(csrf())
                        .with(SignIn.as(admin())))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).startsWith("/school/slot-plans?term=");
        assertThat(state(enough)).isEqualTo("PUBLISHED");
        assertThat(state(lacking)).isEqualTo("DRAFT");
        String list = mvc.perform(get("/school/slot-plans")
                        .param("term", term().toString())
                        .with(SignIn.as(admin())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list)
                .contains("id=\"plan-" + enough + "\"")
                .contains("网页作业辅导")
                .contains("已发布");
    }

    @Test
    void anEmptyFormNamesEachRequiredField() throws Exception {
        String page = assertRefused(post("/school/slot-plans"), "termId", "此项必填");
        for (String field : new String[] {
            "weekday", "firstGrade", "lastGrade", "slot1Start", "slot1End", "slot1Activities", "slot1Exercise"
        }) {
            assertBeside(page, field, "此项必填");
        }
    }

    @Test
    void tooLongActivitiesAndABadTimeAreRefused() throws Exception {
        assertRefused(
                plan("MONDAY", "1", "2", "20", "20", "slot1Activities", "活".repeat(201)), "slot1Activities", "内容过长");
        assertRefused(plan("MONDAY", "1", "2", "20", "20", "slot2Start", "25:99"), "slot2Start", "请输入有效的时间");
        assertRefused(plan("MONDAY", "1", "2", "-1", "20"), "slot1Exercise", "不能为负数");
    }

    @Test
    void markupIsShownEscapedAndRefused() throws Exception {
        String page = assertRefused(
                plan("MONDAY", "1", "2", "20", "20", "slot2Activities", MARKUP), "slot2Activities", "不能包含");
        assertThat(page).contains(ESCAPED);
    }

    @Test
    void aRuleOfThePlanIsShownOnTheForm() throws Exception {
        long before = plans();
        String page = mvc.perform(
                        plan("MONDAY", "5", "2", "20", "20").with(csrf()).with(SignIn.as(admin())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("年级范围的起始年级不能高于结束年级。");
        assertThat(plans()).isEqualTo(before);
    }

    private MockHttpServletRequestBuilder plan(
            String weekday,
            String firstGrade,
            String lastGrade,
            String slot1Exercise,
            String slot2Exercise,
            String... overrides) {
        UUID term = term();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("termId", term.toString());
        values.put("weekday", weekday);
        values.put("firstGrade", firstGrade);
        values.put("lastGrade", lastGrade);
        values.put("slot1Start", "15:30");
        values.put("slot1End", "16:30");
        values.put("slot1Activities", "网页作业辅导");
        values.put("slot1Exercise", slot1Exercise);
        values.put("slot2Start", "16:40");
        values.put("slot2End", "17:40");
        values.put("slot2Activities", "网页社团活动");
        values.put("slot2Exercise", slot2Exercise);
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/school/slot-plans");
        values.forEach(request::param);
        return request;
    }

    private UUID term() {
        return jdbc.sql("select id from organization.term where school_id = :s order by starts_on desc limit 1")
                .param("s", admin().schoolId())
                .query(UUID.class)
                .single();
    }

    private UUID draft(MockHttpServletRequestBuilder request) throws Exception {
        var before = ids();
        var response = mvc.perform(request.with(csrf()).with(SignIn.as(admin())))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
        var after = new java.util.ArrayList<>(ids());
        after.removeAll(before);
        assertThat(after).hasSize(1);
        return after.getFirst();
    }

    private java.util.List<UUID> ids() {
        return jdbc.sql("select id from catalog.slot_plan").query(UUID.class).list();
    }

    private String publish(UUID plan, String language) throws Exception {
        var request = post("/school/slot-plans/{id}/publish", plan).with(csrf()).with(SignIn.as(admin()));
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private String assertRefused(MockHttpServletRequestBuilder request, String field, String message) throws Exception {
        long before = plans();
        MockHttpServletResponse response = mvc.perform(request.with(csrf()).with(SignIn.as(admin())))
                .andReturn()
                .getResponse();
        String page = response.getContentAsString();
        assertThat(response.getStatus()).as(message).isEqualTo(200);
        assertThat(page).as(message).doesNotContain("Exception").doesNotContain(MARKUP);
        assertBeside(page, field, message);
        assertThat(plans()).as("nothing stored for: " + message).isEqualTo(before);
        return page;
    }

    private static void assertBeside(String page, String field, String message) {
        Pattern beside =
                Pattern.compile("(?s)id=\"" + field + "\".*?<div class=\"invalid-feedback[^\"]*\">([^<]*)</div>");
        var matcher = beside.matcher(page);
        assertThat(matcher.find()).as("an error beside " + field).isTrue();
        assertThat(matcher.group(1)).as("the error beside " + field).contains(message);
    }

    private String state(UUID plan) {
        return jdbc.sql("select state from catalog.slot_plan where id = :id")
                .param("id", plan)
                .query(String.class)
                .single();
    }

    private long plans() {
        return jdbc.sql("select count(*) from catalog.slot_plan")
                .query(Long.class)
                .single();
    }
}
