package org.kehou.operations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.ServicePlanning;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.operations.OperationsFixtures;
import org.kehou.operations.OperationsFixtures.TestSchool;
import org.kehou.operations.PickupManagement;
import org.kehou.operations.PickupManagement.NewPickupPerson;
import org.kehou.operations.PickupRelation;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.MobileNumber;
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
 * The pickup pages (OPS-2) as their users see them: a guardian keeps the people who may collect their child, with a
 * photo that must be an image; the staff's list shows each child with one button per person, a refusal names why in
 * the user's language and changes nothing but the record of refusals; an htmx hand-over answers with the child's
 * card; flags show to staff and never on the guardian's page.
 */
@KehouTest
class PickupWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PickupManagement pickup;

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

    @BeforeEach
    void school() {
        school = new OperationsFixtures(organization, queries, accounts, planning, catalog, clock)
                .school(demo.county("410305"));
    }

    @Test
    void aGuardianAddsAPersonWithAPhotoAndRemovesThem() throws Exception {
        Family family = school.family("网页甲");
        String page = page(family.scope(), "/guardian/children/" + family.student() + "/pickup");
        assertThat(page).contains("网页甲妈妈").contains("监护人（始终可以接送）").contains("还没有授权其他接送人");

        var added = mvc.perform(multipart("/guardian/children/{id}/pickup/persons", family.student())
                        .file(new MockMultipartFile("photo", "face.png", "image/png", OperationsFixtures.photo()))
                        .param("name", "赵外公")
                        .param("relation", "GRANDPARENT")
                        .param("mobile", "139 0000 5555")
                        .with(csrf())
                        .with(SignIn.as(family.scope())))
                .andReturn()
                .getResponse();
        assertThat(added.getStatus()).isEqualTo(302);
        page = page(family.scope(), "/guardian/children/" + family.student() + "/pickup");
        assertThat(page).contains("赵外公").contains("13900005555").contains("/photos/");
        UUID person = jdbc.sql("select person_id from operations.pickup_person where name = '赵外公' and school_id = :s")
                .param("s", school.id())
                .query(UUID.class)
                .single();

        var removed = mvc.perform(post("/guardian/children/{id}/pickup/persons/{p}/remove", family.student(), person)
                        .with(csrf())
                        .with(SignIn.as(family.scope())))
                .andReturn()
                .getResponse();
        assertThat(removed.getStatus()).isEqualTo(302);
        assertThat(page(family.scope(), "/guardian/children/" + family.student() + "/pickup"))
                .doesNotContain("赵外公");
    }

    @Test
    void aTextFileCalledJpgIsRefusedBesideThePhotoInEitherLanguage() throws Exception {
        Family family = school.family("网页乙");
        for (String[] language : new String[][] {{"zh-CN", "这个文件不是图片"}, {"en", "this file is not an image"}}) {
            long before = persons();
            var response = mvc.perform(multipart("/guardian/children/{id}/pickup/persons", family.student())
                            .file(new MockMultipartFile("photo", "face.jpg", "image/jpeg", "hello".getBytes()))
                            .param("name", "钱阿姨")
                            .param("relation", "NANNY")
                            .param("mobile", "13900006666")
                            .cookie(new Cookie("kehou-lang", language[0]))
                            .with(csrf())
                            .with(SignIn.as(family.scope())))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            String html = response.getContentAsString();
            int photoField = html.indexOf("id=\"photo\"");
            assertThat(html.indexOf(language[1], photoField))
                    .as("the message beside the photo field")
                    .isGreaterThan(photoField);
            assertThat(html).contains("value=\"钱阿姨\"");
            assertThat(persons()).isEqualTo(before);
        }
    }

    @Test
    void theStaffListShowsEachChildWithOneButtonPerPersonAndTheirPhoto() throws Exception {
        Family family = school.family("网页丙");
        UUID person = pickup.authorise(
                family.scope(),
                family.student(),
                new NewPickupPerson(
                        "孙奶奶", PickupRelation.GRANDPARENT, MobileNumber.of("13900007777"), OperationsFixtures.photo()));
        String page = page(school.teacher(), "/teacher/pickup?date=" + school.day() + "&service=SLOT_2");
        assertThat(page)
                .contains("网页丙")
                .contains("id=\"give-" + family.student() + "-" + person + "\"")
                .contains("交给 孙奶奶")
                .contains("139****7777")
                .doesNotContain("13900007777")
                .contains("结束时间 18:00")
                .contains("hx-trigger=\"pickup-released from:body\"")
                .contains("hx-select=\"#counts\"");
        String admin = page(school.admin(), "/school/pickup?date=" + school.day() + "&service=SLOT_2");
        assertThat(admin).contains("网页丙").contains("各班交接情况");
        assertThat(page(school.otherTeacher(), "/teacher/pickup?date=" + school.day()))
                .doesNotContain("网页丙");
        String weekend = page(
                school.teacher(),
                "/teacher/pickup?date=" + school.day().plusDays(3) + "&service=SLOT_2&class=" + school.schoolClass());
        assertThat(weekend).contains("id=\"not-run\"").doesNotContain("网页丙");
        String bad = page(school.teacher(), "/teacher/pickup?date=soon&service=LUNCH");
        assertThat(bad).contains("无法识别日期“soon”").contains("无法识别所选课后服务");
    }

    @Test
    void aRefusedHandOverNamesWhyInEitherLanguageAndChangesNothing() throws Exception {
        Family family = school.family("网页丁");
        for (String[] language :
                new String[][] {{"zh-CN", "陌生人不是网页丁的监护人或授权接送人"}, {"en", "陌生人 is neither a guardian of 网页丁"}}) {
            var response = mvc.perform(release(school.teacher(), family.student())
                            .param("choice", "OTHER")
                            .param("otherName", "陌生人")
                            .cookie(new Cookie("kehou-lang", language[0])))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsString())
                    .contains("id=\"refusal-" + family.student() + "\"")
                    .contains(language[1]);
        }
        var alone = mvc.perform(release(school.teacher(), family.student()).param("choice", "ALONE"))
                .andReturn()
                .getResponse();
        assertThat(alone.getContentAsString()).contains("家长没有同意网页丁独自回家");
        var nobody = mvc.perform(release(school.teacher(), family.student()).param("choice", "SOMEONE"))
                .andReturn()
                .getResponse();
        assertThat(nobody.getContentAsString()).contains("请选择把孩子交给谁");
        assertThat(count("select count(*) from operations.pickup_release where student_id = :s", family.student()))
                .isZero();
        assertThat(count("select count(*) from operations.pickup_refusal where student_id = :s", family.student()))
                .isEqualTo(3);
        String refusals = page(school.admin(), "/school/pickup/refusals");
        assertThat(refusals).contains("网页丁").contains("陌生人").contains("家长没有同意网页丁独自回家");
    }

    @Test
    void anHtmxHandOverAnswersWithTheChildsCard() throws Exception {
        Family family = school.family("网页戊");
        MockHttpServletResponse response = mvc.perform(release(school.teacher(), family.student())
                        .param("choice", "GUARDIAN:" + family.guardian())
                        .header("HX-Request", "true"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString())
                .doesNotContain("<html")
                .contains("id=\"child-" + family.student() + "\"")
                .contains("已交接")
                .contains("交给 网页戊妈妈（母亲），经办：" + school.teacher().displayName())
                // a day handed over afterwards was over by then
                .contains("（第二时段结束后）");
        assertThat(response.getHeader("HX-Trigger"))
                .as("the page's counts read themselves again after a hand-over")
                .isEqualTo("pickup-released");
        var again = mvc.perform(release(school.teacher(), family.student())
                        .param("choice", "GUARDIAN:" + family.guardian())
                        .header("HX-Request", "true"))
                .andReturn()
                .getResponse();
        assertThat(again.getContentAsString()).contains("网页戊已于").contains("更正交接记录");
        assertThat(again.getHeader("HX-Trigger"))
                .as("a refused hand-over changes no count")
                .isNull();
        var plain = mvc.perform(release(school.admin(), school.family("网页己").student())
                        .param("choice", "GUARDIAN:" + UUID.randomUUID()))
                .andReturn()
                .getResponse();
        assertThat(plain.getContentAsString()).contains("此人已不在网页己的接送名单上");
    }

    /**
     * At 10:00 on a school day of the demo school, whose slot 1 ends at 17:00, the gate list says a hand-over now is an
     * early release and each one asks to be confirmed; the child handed over reads as having left early, not after
     * the service (OPS-2).
     */
    @Test
    void aHandOverBeforeTheServiceEndsAsksToBeConfirmedAndReadsAsEarly() throws Exception {
        UserScope teacher = demo.scope("JX-PS-T01");
        UUID child = jdbc.sql("""
                        select s.id from organization.student s
                        join organization.school_class c on c.id = s.class_id
                        where c.head_teacher_id = :staff
                          and not exists (select 1 from operations.pickup_release r where r.student_id = s.id)
                        order by s.id desc limit 1""")
                .param("staff", teacher.staffId())
                .query(UUID.class)
                .single();
        UUID guardian = jdbc.sql("select guardian_id from organization.student_guardian where student_id = :s limit 1")
                .param("s", child)
                .query(UUID.class)
                .single();
        String name = queries.student(teacher, child).student().name();

        String list = page(teacher, "/teacher/pickup?service=SLOT_1");
        assertThat(list)
                .contains("id=\"early-note\"")
                .contains("第一时段到 17:00 才结束，现在交接即为提前离校")
                .contains("hx-confirm=\"第一时段到 17:00 才结束。确定让" + name + "提前离校吗？\"");
        String later = page(
                teacher,
                "/teacher/pickup?service=SLOT_1&date="
                        + java.time.LocalDate.now(clock).plusDays(1));
        assertThat(later).doesNotContain("id=\"early-note\"").doesNotContain("hx-confirm");

        var released = mvc.perform(post("/teacher/pickup/children/{id}/release", child)
                        .param("date", java.time.LocalDate.now(clock).toString())
                        .param("service", "SLOT_1")
                        .param("choice", "GUARDIAN:" + guardian)
                        .header("HX-Request", "true")
                        .with(csrf())
                        .with(SignIn.as(teacher)))
                .andReturn()
                .getResponse();
        assertThat(released.getStatus()).isEqualTo(200);
        assertThat(released.getContentAsString())
                .contains("已交接")
                .contains("（第一时段 17:00 结束前提前离校）")
                .doesNotContain("结束后");
        assertThat(page(teacher, "/teacher/pickup/children/" + child)).contains("（第一时段 17:00 结束前提前离校）");
    }

    @Test
    void flagsShowToStaffAndNeverOnTheGuardiansPage() throws Exception {
        Family family = school.family("网页庚");
        var flagged = mvc.perform(post("/teacher/pickup/children/{id}/flags", family.student())
                        .param("name", "周禁接")
                        .param("idHint", "5678")
                        .param("reason", "法院裁定不得探视")
                        .with(csrf())
                        .with(SignIn.as(school.teacher())))
                .andReturn()
                .getResponse();
        assertThat(flagged.getStatus()).isEqualTo(302);
        assertThat(page(school.teacher(), "/teacher/pickup/children/" + family.student()))
                .contains("周禁接")
                .contains("法院裁定不得探视");
        assertThat(page(school.teacher(), "/teacher/pickup?date=" + school.day() + "&service=SLOT_2"))
                .contains("不得交给：周禁接（法院裁定不得探视）");
        assertThat(page(family.scope(), "/guardian/children/" + family.student() + "/pickup"))
                .doesNotContain("周禁接")
                .doesNotContain("法院裁定");

        UUID flag = jdbc.sql("select id from operations.pickup_flag where student_id = :s")
                .param("s", family.student())
                .query(UUID.class)
                .single();
        var blank = mvc.perform(post("/school/pickup/flags/{id}/lift", flag)
                        .param("reason", " ")
                        .with(csrf())
                        .with(SignIn.as(school.admin())))
                .andReturn()
                .getResponse();
        assertThat(blank.getStatus()).isEqualTo(200);
        assertThat(blank.getContentAsString()).contains("此项必填");
        var lifted = mvc.perform(post("/school/pickup/flags/{id}/lift", flag)
                        .param("reason", "裁定已撤销")
                        .with(csrf())
                        .with(SignIn.as(school.admin())))
                .andReturn()
                .getResponse();
        assertThat(lifted.getStatus()).isEqualTo(302);
        assertThat(page(school.teacher(), "/teacher/pickup?date=" + school.day() + "&service=SLOT_2"))
                .doesNotContain("不得交给：周禁接");
    }

    @Test
    void aGuardianGivesAndWithdrawsConsentToGoingHomeAlone() throws Exception {
        Family family = school.family("网页辛");
        var given = mvc.perform(post("/guardian/children/{id}/pickup/consent", family.student())
                        .param("alone", "true")
                        .with(csrf())
                        .with(SignIn.as(family.scope())))
                .andReturn()
                .getResponse();
        assertThat(given.getStatus()).isEqualTo(302);
        assertThat(page(family.scope(), "/guardian/children/" + family.student() + "/pickup"))
                .contains("您已同意孩子在课后服务结束后独自回家");
        assertThat(page(school.teacher(), "/teacher/pickup?date=" + school.day() + "&service=SLOT_2"))
                .contains("id=\"alone-" + family.student() + "\"");
        mvc.perform(post("/guardian/children/{id}/pickup/consent", family.student())
                .param("alone", "false")
                .with(csrf())
                .with(SignIn.as(family.scope())));
        assertThat(page(school.teacher(), "/teacher/pickup?date=" + school.day() + "&service=SLOT_2"))
                .doesNotContain("id=\"alone-" + family.student() + "\"");
    }

    private AbstractMockHttpServletRequestBuilder<?> release(UserScope staff, UUID student) {
        String base = staff.roles().contains(org.kehou.platform.Role.SCHOOL_ADMIN) ? "/school" : "/teacher";
        return post(base + "/pickup/children/{id}/release", student)
                .param("date", school.day().toString())
                .param("service", "SLOT_2")
                .with(csrf())
                .with(SignIn.as(staff));
    }

    private String page(UserScope user, String url) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(url).with(SignIn.as(user))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }

    private long persons() {
        return jdbc.sql("select count(*) from operations.pickup_person")
                .query(Long.class)
                .single();
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param("s", id).query(Long.class).single();
    }
}
