package org.kehou.operations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.ServicePlanning;
import org.kehou.catalog.VenueKind;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.operations.OperationsFixtures;
import org.kehou.operations.OperationsFixtures.TestSchool;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The patrol and incident pages (OPS-3, OPS-4): a patrol with photos is recorded, listed and its follow-up resolved;
 * a non-image is refused beside the photos; an incident reported by a teacher reaches the guardians' inboxes, and a
 * child the teacher does not serve is refused in the user's language.
 */
@KehouTest
class PatrolAndIncidentWebTests {

    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    OrganizationQueries queries;

    @Autowired
    AccountManagement accounts;

    @Autowired
    ServicePlanning planning;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    Clock clock;

    TestSchool school;
    String recently;

    @BeforeEach
    void school() {
        school = new OperationsFixtures(organization, queries, accounts, planning, catalog, clock)
                .school(demo.county("410305"));
        recently = LocalDateTime.now(clock).minusMinutes(20).format(INPUT);
    }

    @Test
    void aPatrolWithPhotosIsListedAndItsFollowUpResolved() throws Exception {
        UUID venue = catalog.addVenue(school.admin(), school.id(), new NewVenue("巡查操场", VenueKind.SPORTS_GROUND, 200));
        var recorded = mvc.perform(multipart("/school/patrols")
                        .file(new MockMultipartFile("photos", "a.png", "image/png", OperationsFixtures.photo()))
                        .file(new MockMultipartFile("photos", "b.png", "image/png", OperationsFixtures.photo()))
                        .param("patrolledAt", recently)
                        .param("venueId", venue.toString())
                        .param("observed", "学生在跑步\n秩序良好")
                        .param("issues", "SAFETY_PROBLEM")
                        .param("followUp", "看台栏杆松动，报修")
                        .with(csrf())
                        .with(SignIn.as(school.admin())))
                .andReturn()
                .getResponse();
        assertThat(recorded.getStatus()).isEqualTo(302);
        String page = page(school.admin(), recorded.getRedirectedUrl());
        UUID patrol = jdbc.sql("select id from operations.patrol where school_id = :s")
                .param("s", school.id())
                .query(UUID.class)
                .single();
        assertThat(page)
                .contains("巡查操场")
                .contains("学生在跑步\n秩序良好")
                .contains("安全隐患")
                .contains("看台栏杆松动，报修")
                .contains("id=\"open-" + patrol + "\"")
                .containsPattern("/photos/[0-9a-f-]{36}");
        assertThat(jdbc.sql("select count(*) from operations.patrol_photo where patrol_id = :p")
                        .param("p", patrol)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        var blank = mvc.perform(post("/school/patrols/{id}/resolve", patrol)
                        .param("resolution", "")
                        .with(csrf())
                        .with(SignIn.as(school.admin())))
                .andReturn()
                .getResponse();
        assertThat(blank.getStatus()).isEqualTo(200);
        assertThat(blank.getContentAsString()).contains("请填写处理结果");
        var resolved = mvc.perform(post("/school/patrols/{id}/resolve", patrol)
                        .param("resolution", "已更换栏杆")
                        .with(csrf())
                        .with(SignIn.as(school.admin())))
                .andReturn()
                .getResponse();
        assertThat(resolved.getStatus()).isEqualTo(302);
        assertThat(page(school.admin(), "/school/patrols")).doesNotContain("id=\"open-" + patrol + "\"");
        assertThat(page(school.admin(), "/school/patrols?date=" + recently.substring(0, 10)))
                .contains("已更换栏杆");
    }

    @Test
    void aNonImageAmongThePhotosIsRefusedBesideThemAndNothingIsKept() throws Exception {
        for (String[] language : new String[][] {{"zh-CN", "这个文件不是图片"}, {"en", "this file is not an image"}}) {
            var response = mvc.perform(multipart("/school/patrols")
                            .file(new MockMultipartFile("photos", "a.png", "image/png", OperationsFixtures.photo()))
                            .file(new MockMultipartFile("photos", "notes.jpg", "image/jpeg", "巡查笔记".getBytes()))
                            .param("patrolledAt", recently)
                            .param("place", "东门")
                            .param("observed", "放学秩序")
                            .cookie(new Cookie("kehou-lang", language[0]))
                            .with(csrf())
                            .with(SignIn.as(school.admin())))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            String html = response.getContentAsString();
            int field = html.indexOf("id=\"photos\"");
            assertThat(html.indexOf(language[1], field)).isGreaterThan(field);
            assertThat(html).contains("value=\"东门\"");
        }
        assertThat(jdbc.sql("select count(*) from operations.patrol where school_id = :s")
                        .param("s", school.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from platform.photo where school_id = :s")
                        .param("s", school.id())
                        .query(Long.class)
                        .single())
                .as("the image uploaded with the refused one is not kept")
                .isZero();
    }

    /**
     * The day's offerings are offered by slot, course and venue, since every grade's homework help has the same name,
     * and a patrol of one names its slot and course beside the venue (OPS-3).
     */
    @Test
    void aPatrolOfAnOfferingNamesItsSlotAndCourse() throws Exception {
        UserScope admin = demo.scope("JX-PS-ADMIN");
        String form = page(admin, "/school/patrols");
        assertThat(form).contains("第一时段 · 课后作业辅导 · 1年级教室").contains("第一时段 · 课后作业辅导 · 2年级教室");
        UUID offering = jdbc.sql("""
                        select o.id from catalog.offering o join catalog.venue v on v.id = o.venue_id
                        where o.school_id = :s and o.slot = 'SLOT_1' and o.weekday = :w and o.state = 'PUBLISHED'
                          and v.name = '2年级教室' order by o.id limit 1""")
                .param("s", admin.schoolId())
                .param("w", LocalDateTime.now(clock).getDayOfWeek().name())
                .query(UUID.class)
                .single();
        var recorded = mvc.perform(multipart("/school/patrols")
                        .param("patrolledAt", recently)
                        .param("offeringId", offering.toString())
                        .param("observed", "二年级在安静写作业")
                        .with(csrf())
                        .with(SignIn.as(admin)))
                .andReturn()
                .getResponse();
        assertThat(recorded.getStatus()).isEqualTo(302);
        UUID patrol = jdbc.sql("select id from operations.patrol where offering_id = :o and observed = '二年级在安静写作业'")
                .param("o", offering)
                .query(UUID.class)
                .single();
        assertThat(page(admin, recorded.getRedirectedUrl()))
                .containsPattern("id=\"patrol-offering-" + patrol + "\">第一时段 · 课后作业辅导<")
                .contains("2年级教室");
    }

    @Test
    void anIncidentReachesTheGuardiansOfTheChildrenInvolved() throws Exception {
        Family hurt = school.family("网页事件甲");
        Family otherClass = school.otherFamily("网页事件乙");
        var reported = mvc.perform(post("/teacher/incidents")
                        .param("kind", "INJURY")
                        .param("occurredAt", recently)
                        .param("place", "操场")
                        .param("description", "跑步时摔倒，膝盖擦伤")
                        .param("actions", "校医消毒包扎，已电话告知家长")
                        .param("children", hurt.student().toString())
                        .with(csrf())
                        .with(SignIn.as(school.teacher())))
                .andReturn()
                .getResponse();
        assertThat(reported.getStatus()).isEqualTo(302);
        assertThat(page(school.teacher(), "/teacher/incidents"))
                .contains("跑步时摔倒，膝盖擦伤")
                .contains("网页事件甲");
        assertThat(page(school.admin(), "/school/incidents")).contains("跑步时摔倒，膝盖擦伤");
        assertThat(page(school.otherTeacher(), "/teacher/incidents")).doesNotContain("跑步时摔倒");
        assertThat(page(hurt.scope(), "/inbox"))
                .contains("网页事件甲于")
                .contains("在课后服务中受伤")
                .contains("校医消毒包扎，已电话告知家长");

        for (String[] language : new String[][] {{"zh-CN", "只能选择您所服务的学生"}, {"en", "Choose only children you serve"}}) {
            var refused = mvc.perform(post("/teacher/incidents")
                            .param("kind", "CONFLICT")
                            .param("occurredAt", recently)
                            .param("description", "争执")
                            .param("actions", "劝开")
                            .param("children", otherClass.student().toString())
                            .cookie(new Cookie("kehou-lang", language[0]))
                            .with(csrf())
                            .with(SignIn.as(school.teacher())))
                    .andReturn()
                    .getResponse();
            assertThat(refused.getStatus()).isEqualTo(200);
            assertThat(refused.getContentAsString()).contains(language[1]);
        }
        assertThat(jdbc.sql("select count(*) from operations.incident where school_id = :s")
                        .param("s", school.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(page(otherClass.scope(), "/inbox")).doesNotContain("课后服务中");
    }

    /**
     * The children involved are found by name or class, not picked from the whole school's list: the demo school's
     * admin is asked to search first, a search lists the matches, and the children already ticked stay ticked while
     * the next one is searched for, with htmx getting the picker alone (OPS-4).
     */
    @Test
    void theChildrenInvolvedAreFoundByNameOrClassAndStayChosen() throws Exception {
        UserScope admin = demo.scope("JX-PS-ADMIN");
        var rows = jdbc.sql("""
                        select s.id, s.name from organization.student s where s.school_id = :school
                        order by s.name, s.id limit 2""")
                .param("school", admin.schoolId())
                .query((rs, n) -> new String[] {rs.getString("id"), rs.getString("name")})
                .list();
        String[] first = rows.get(0);
        String[] second = rows.get(1);

        String whole = page(admin, "/school/incidents");
        assertThat(whole)
                .contains("id=\"search-first\"")
                .doesNotContain("id=\"match-")
                .doesNotContain("<select class=\"form-select\" id=\"children\"");

        var found = mvc.perform(get("/school/incidents")
                        .param("find", first[1])
                        .header("HX-Request", "true")
                        .with(SignIn.as(admin)))
                .andReturn()
                .getResponse();
        assertThat(found.getContentAsString())
                .doesNotContain("<html")
                .contains("id=\"child-picker\"")
                .contains("id=\"match-" + first[0] + "\"")
                .doesNotContain("id=\"search-first\"");

        String byClass = fragment(admin, "find", "6年级");
        assertThat(byClass).contains("id=\"match-").doesNotContain("1年级1班</label>");

        String kept = fragment(
                admin,
                "find",
                second[1],
                "children",
                first[0],
                "children",
                "not-an-id",
                "children",
                school.family("网页事件外校").student().toString());
        assertThat(kept)
                .contains("id=\"chosen-" + first[0] + "\"")
                .contains("id=\"match-" + second[0] + "\"")
                .doesNotContain("网页事件外校")
                .doesNotContain("not-an-id");

        String none = fragment(admin, "find", "<script>x</script>");
        assertThat(none)
                .contains("id=\"none-found\"")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>x");
        String english = mvc.perform(get("/school/incidents")
                        .param("find", "nobody-is-called-this")
                        .header("HX-Request", "true")
                        .cookie(new Cookie("kehou-lang", "en"))
                        .with(SignIn.as(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(english).contains("No child matches");

        // a teacher's own class is short enough to be listed whole
        Family own = school.family("网页事件丙");
        assertThat(page(school.teacher(), "/teacher/incidents"))
                .contains("id=\"match-" + own.student() + "\"")
                .doesNotContain("id=\"search-first\"");
    }

    /** The school admin's incidents page as htmx gets it, with these parameters (name, value, name, value, ...). */
    private String fragment(UserScope user, String... params) throws Exception {
        var request = get("/school/incidents").header("HX-Request", "true").with(SignIn.as(user));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private String page(UserScope user, String url) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(url).with(SignIn.as(user))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }
}
