package org.kehou.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kehou.catalog.web.OfferingLifecycleWebTests.assertBeside;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewSlotPlan;
import org.kehou.catalog.CatalogManagement.SlotLine;
import org.kehou.catalog.Slot;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.TermKind;
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
 * A daily plan's lifecycle on the school's page (CONTENT-3): the term is chosen; a draft is revised in its pre-filled
 * form, page or htmx fragment; bad input is refused beside the field; a published plan is not changed until it is
 * withdrawn; a term's plans are copied into another as drafts, leaving out those that overlap. Every refusal shows
 * its message in the user's language and changes nothing.
 */
@KehouTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlotPlanLifecycleWebTests {

    static final String MARKUP = "<script>alert(1)</script>";

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

    UserScope admin;
    UUID school;
    UUID autumn;
    UUID spring;

    @BeforeAll
    void aSchoolWithTwoTermsOfItsOwn() {
        admin = demo.scope("JX-PS-ADMIN");
        school = admin.schoolId();
        autumn = organization.planTerm(
                admin, school, 2085, TermKind.AUTUMN, LocalDate.of(2085, 9, 3), LocalDate.of(2086, 1, 18));
        spring = organization.planTerm(
                admin, school, 2085, TermKind.SPRING, LocalDate.of(2086, 2, 20), LocalDate.of(2086, 7, 7));
    }

    @Test
    void listsThePlansOfTheTermAskedFor() throws Exception {
        UUID inAutumn = plan(autumn, DayOfWeek.MONDAY, 1, 2);
        UUID inSpring = plan(spring, DayOfWeek.MONDAY, 1, 2);
        assertThat(page("/school/slot-plans?term=" + autumn, null))
                .contains("id=\"plan-" + inAutumn + "\"")
                .doesNotContain("id=\"plan-" + inSpring + "\"")
                .containsPattern("<option value=\"" + autumn + "\" selected=\"selected\">");
        String fragment = mvc.perform(get("/school/slot-plans")
                        .param("term", spring.toString())
                        .header("HX-Request", "true")
                        .with(SignIn.as(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fragment)
                .doesNotContain("<html")
                .contains("id=\"plan-list\"")
                .contains("id=\"plan-" + inSpring + "\"");
    }

    @Test
    void aDraftIsRevisedInItsPrefilledForm() throws Exception {
        UUID plan = plan(autumn, DayOfWeek.TUESDAY, 1, 2);
        String form = page("/school/slot-plans/" + plan + "/edit", null);
        assertThat(form)
                .contains("id=\"revise-form\"")
                .contains("value=\"15:30\"")
                .contains("value=\"生命周期作业\"");
        String fragment = mvc.perform(get("/school/slot-plans/{id}/edit", plan)
                        .header("HX-Request", "true")
                        .with(SignIn.as(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fragment).doesNotContain("<html").contains("id=\"revise-form\"");

        var response = mvc.perform(revise(plan, "slot2Activities", "篮球与跳绳", "slot2Exercise", "35")
                        .with(csrf())
                        .with(SignIn.as(admin)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/school/slot-plans?term=" + autumn);
        assertThat(jdbc.sql("select activities from catalog.plan_slot where slot_plan_id = :p and slot = 'SLOT_2'")
                        .param("p", plan)
                        .query(String.class)
                        .single())
                .isEqualTo("篮球与跳绳");
        assertThat(page("/school/slot-plans?term=" + autumn, null))
                .contains("篮球与跳绳")
                .contains("35 分钟");
    }

    @Test
    void badInputInTheRevisionIsRefusedBesideItsFieldAndChangesNothing() throws Exception {
        UUID plan = plan(autumn, DayOfWeek.WEDNESDAY, 1, 2);
        long version = version(plan);
        assertBeside(refused(revise(plan, "slot1Activities", ""), null), "slot1Activities", "此项必填");
        assertBeside(refused(revise(plan, "slot1Activities", ""), "en"), "slot1Activities", "This is required.");
        assertBeside(refused(revise(plan, "slot2Start", "25:99"), null), "slot2Start", "请输入有效的时间");
        assertBeside(refused(revise(plan, "slot1Exercise", "-1"), null), "slot1Exercise", "不能为负数");
        assertBeside(refused(revise(plan, "slot1Activities", "活".repeat(201)), null), "slot1Activities", "内容过长");
        String markup = refused(revise(plan, "slot2Activities", MARKUP), null);
        assertBeside(markup, "slot2Activities", "不能包含");
        assertThat(markup).doesNotContain(MARKUP);
        assertThat(refused(revise(plan, "slot2Start", "16:00"), null)).contains("各时段的时间不能重叠。");
        assertThat(refused(revise(plan, "slot2Start", "16:00"), "en")).contains("overlap");
        assertThat(version(plan)).as("nothing changed").isEqualTo(version);
    }

    @Test
    void aPublishedPlanIsRevisedOnlyOnceWithdrawn() throws Exception {
        UUID plan = plan(autumn, DayOfWeek.THURSDAY, 1, 2);
        catalog.publishSlotPlan(admin, plan);
        long version = version(plan);
        assertThat(refused(revise(plan, "slot1Activities", "改过"), null)).contains("已发布的时段安排不能修改，请先撤回为草稿。");
        assertThat(refused(revise(plan, "slot1Activities", "改过"), "en"))
                .contains("A published plan cannot be changed; withdraw it to draft first.");
        assertThat(page("/school/slot-plans/" + plan + "/edit", null))
                .contains("id=\"publish-refusal\"")
                .doesNotContain("id=\"revise-form\"");
        assertThat(version(plan)).isEqualTo(version);

        var withdrawn = mvc.perform(post("/school/slot-plans/{id}/withdraw", plan)
                        .with(csrf())
                        .with(SignIn.as(admin)))
                .andReturn()
                .getResponse();
        assertThat(withdrawn.getStatus()).isEqualTo(302);
        assertThat(state(plan)).isEqualTo("DRAFT");
        var again = mvc.perform(post("/school/slot-plans/{id}/withdraw", plan)
                        .cookie(new Cookie("kehou-lang", "en"))
                        .with(csrf())
                        .with(SignIn.as(admin)))
                .andReturn()
                .getResponse();
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getContentAsString()).contains("Only a published plan can be withdrawn.");
        assertThat(mvc.perform(revise(plan, "slot1Activities", "改过")
                                .with(csrf())
                                .with(SignIn.as(admin)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
    }

    @Test
    void copiesATermsPlansIntoAnotherAsDraftsLeavingOutOverlaps() throws Exception {
        UUID from = organization.planTerm(
                admin, school, 2087, TermKind.AUTUMN, LocalDate.of(2087, 9, 1), LocalDate.of(2088, 1, 18));
        UUID to = organization.planTerm(
                admin, school, 2087, TermKind.SPRING, LocalDate.of(2088, 2, 21), LocalDate.of(2088, 7, 7));
        UUID monday = plan(from, DayOfWeek.MONDAY, 1, 3);
        catalog.publishSlotPlan(admin, monday);
        plan(from, DayOfWeek.FRIDAY, 1, 6);
        plan(to, DayOfWeek.FRIDAY, 4, 6);

        long before = count();
        var same = copy(from, from, null);
        assertBeside(same.getContentAsString(), "toTermId", "请选择另一个学期作为复制目标。");
        assertBeside(copy(from, from, "en").getContentAsString(), "toTermId", "Choose another term to copy into.");
        assertBeside(copy(from, null, null).getContentAsString(), "toTermId", "此项必填");
        assertThat(count()).isEqualTo(before);

        var copied = copy(from, to, null);
        assertThat(copied.getStatus()).isEqualTo(302);
        assertThat(copied.getRedirectedUrl()).isEqualTo("/school/slot-plans?term=" + to);
        assertThat(count()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select weekday || ':' || state from catalog.slot_plan where term_id = :t order by weekday")
                        .param("t", to)
                        .query(String.class)
                        .list())
                .containsExactly("FRIDAY:DRAFT", "MONDAY:DRAFT");
    }

    @Test
    void anotherSchoolsPlanIsNotFound() throws Exception {
        UUID foreign = jdbc.sql("select id from catalog.slot_plan where school_id <> :s order by id limit 1")
                .param("s", school)
                .query(UUID.class)
                .optional()
                .orElse(UUID.randomUUID());
        long before = count();
        assertThat(mvc.perform(get("/school/slot-plans/{id}/edit", foreign).with(SignIn.as(admin)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        for (var request :
                List.of(revise(foreign, "slot1Activities", "改"), post("/school/slot-plans/{id}/withdraw", foreign))) {
            assertThat(mvc.perform(request.with(csrf()).with(SignIn.as(admin)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(404);
        }
        assertThat(count()).isEqualTo(before);
    }

    private UUID plan(UUID term, DayOfWeek weekday, int first, int last) {
        return catalog.draftSlotPlan(
                admin,
                school,
                new NewSlotPlan(
                        term,
                        weekday,
                        first,
                        last,
                        List.of(
                                new SlotLine(Slot.SLOT_1, LocalTime.of(15, 30), LocalTime.of(16, 30), "生命周期作业", 20),
                                new SlotLine(Slot.SLOT_2, LocalTime.of(16, 40), LocalTime.of(17, 40), "生命周期社团", 25))));
    }

    private static MockHttpServletRequestBuilder revise(UUID plan, String... overrides) {
        var values = new java.util.LinkedHashMap<String, String>();
        values.put("slot1Start", "15:30");
        values.put("slot1End", "16:30");
        values.put("slot1Activities", "生命周期作业");
        values.put("slot1Exercise", "20");
        values.put("slot2Start", "16:40");
        values.put("slot2End", "17:40");
        values.put("slot2Activities", "生命周期社团");
        values.put("slot2Exercise", "25");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/school/slot-plans/{id}", plan);
        values.forEach(request::param);
        return request;
    }

    private String refused(MockHttpServletRequestBuilder request, @Nullable String language) throws Exception {
        request.with(csrf()).with(SignIn.as(admin));
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).doesNotContain("Exception");
        return response.getContentAsString();
    }

    private MockHttpServletResponse copy(UUID from, @Nullable UUID to, @Nullable String language) throws Exception {
        var request = post("/school/slot-plans/copy")
                .param("fromTermId", from.toString())
                .with(csrf())
                .with(SignIn.as(admin));
        if (to != null) {
            request.param("toTermId", to.toString());
        }
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private String page(String url, @Nullable String language) throws Exception {
        var request = get(url).with(SignIn.as(admin));
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }

    private String state(UUID plan) {
        return jdbc.sql("select state from catalog.slot_plan where id = :id")
                .param("id", plan)
                .query(String.class)
                .single();
    }

    private long version(UUID plan) {
        return jdbc.sql("select version from catalog.slot_plan where id = :id")
                .param("id", plan)
                .query(Long.class)
                .single();
    }

    private long count() {
        return jdbc.sql("select count(*) from catalog.slot_plan")
                .query(Long.class)
                .single();
    }
}
