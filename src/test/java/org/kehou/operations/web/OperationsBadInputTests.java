package org.kehou.operations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.kehou.operations.PickupManagement;
import org.kehou.operations.PickupManagement.NewFlag;
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
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Bad input on every operations form (OPS-2..4, §4): empty, too long, malformed mobile numbers, dates and times,
 * choices not on the list, markup, a text file called .jpg, too many photos or people, times to come, and ids of
 * another school. The page comes back with a clear message in the user's language, the input escaped, nothing
 * stored, never a 500; an id of another school in the path is not found.
 */
@KehouTest
class OperationsBadInputTests {

    static final String MARKUP = "<script>alert(1)</script>";
    static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

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
    Family family;
    UUID demoChild;
    String recently;

    @BeforeEach
    void school() {
        school = new OperationsFixtures(organization, queries, accounts, planning, catalog, clock)
                .school(demo.county("410305"));
        family = school.family("填错甲");
        demoChild = demo.anyStudentOf("JX-PS");
        recently = LocalDateTime.now(clock).minusMinutes(20).format(INPUT);
    }

    @Test
    void personFormRefusesEmptyTooLongMarkupBadNumbersAndNonImages() throws Exception {
        assertRefused(family.scope(), person(Map.of()), "此项必填");
        assertRefused(family.scope(), person(Map.of("name", "名".repeat(51))), "内容过长");
        String page = assertRefused(family.scope(), person(Map.of("name", MARKUP)), "不能包含");
        assertThat(page).contains(ESCAPED);
        for (String mobile : List.of("12345", "23800000000", "1380000000a", "138000000001")) {
            assertRefused(family.scope(), person(Map.of("mobile", mobile)), "请输入11位手机号码");
        }
        assertRefused(family.scope(), person(Map.of("relation", "UNCLE")), "请从列表中选择关系");
        assertRefused(
                family.scope(),
                person(Map.of("relation", "FAMILY_FRIEND"))
                        .file(new MockMultipartFile("photo", "face.jpg", "image/jpeg", "not an image".getBytes())),
                "只能上传 JPEG、PNG 或 WebP 格式的照片；这个文件不是图片。");
        assertRefused(
                family.scope(),
                person(Map.of("relation", "FAMILY_FRIEND"))
                        .file(new MockMultipartFile("photo", "face.png", "image/png", "<html>".getBytes())),
                "这个文件不是图片");
    }

    @Test
    void personFormRefusesAnEleventhPersonAndOneNamedTwice() throws Exception {
        for (int i = 0; i < 10; i++) {
            pickup.authorise(
                    family.scope(),
                    family.student(),
                    new NewPickupPerson("亲友" + i, PickupRelation.RELATIVE, MobileNumber.of("1372000000" + i), null));
        }
        assertRefused(family.scope(), person(Map.of("name", "亲友 3")), "最多可以授权 10 位接送人");
        Family another = school.family("填错乙");
        pickup.authorise(
                another.scope(),
                another.student(),
                new NewPickupPerson("钱阿姨", PickupRelation.NANNY, MobileNumber.of("13720001111"), null));
        assertRefused(
                another.scope(),
                post("/guardian/children/{id}/pickup/persons", another.student())
                        .param("name", "钱 阿姨")
                        .param("relation", "NANNY")
                        .param("mobile", "13720001112"),
                "钱 阿姨 已在接送名单上");
    }

    @Test
    void releaseRefusesMalformedDatesServicesChoicesAndNotes() throws Exception {
        assertRefused(school.teacher(), release(Map.of("date", "2026-13-01")), "请输入有效日期");
        assertRefused(school.teacher(), release(Map.of("service", "LUNCH")), "请从列表中选择课后服务");
        assertRefused(school.teacher(), release(Map.of("choice", "GUARDIAN:not-an-id")), "请选择把孩子交给谁");
        assertRefused(school.teacher(), release(Map.of("choice", "OTHER", "otherName", MARKUP)), "不能包含");
        assertRefused(school.teacher(), release(Map.of("choice", "OTHER", "otherName", " ")), "请填写来接孩子的人的姓名");
        assertRefused(school.teacher(), release(Map.of("note", "因".repeat(301))), "内容过长");
        assertRefused(school.teacher(), release(Map.of("corrects", "abc")), "要更正的交接记录无效");
        assertRefused(
                school.teacher(),
                release(Map.of("date", LocalDate.now(clock).plusDays(2).toString())),
                "不能为将来的日期");
        assertRefused(
                school.teacher(), release(Map.of("corrects", UUID.randomUUID().toString(), "note", "改")), "当天还没有交接记录");
        assertNotFound(
                school.teacher(),
                post("/teacher/pickup/children/{id}/release", "not-a-uuid").param("choice", "ALONE"));
        assertNotFound(
                school.teacher(),
                post("/teacher/pickup/children/{id}/release", demoChild)
                        .param("date", school.day().toString())
                        .param("service", "SLOT_2")
                        .param("choice", "ALONE"));
        assertNotFound(
                school.admin(),
                post("/school/pickup/children/{id}/release", demoChild)
                        .param("date", "garbage")
                        .param("choice", "ALONE"));
    }

    @Test
    void flagAndLiftFormsRefuseEmptyTooLongAndMarkup() throws Exception {
        assertRefused(school.teacher(), post("/teacher/pickup/children/{id}/flags", family.student()), "此项必填");
        assertRefused(school.teacher(), flag("名".repeat(51), "", "裁定"), "内容过长");
        assertRefused(school.teacher(), flag("张某", "1".repeat(31), "裁定"), "内容过长");
        String page = assertRefused(school.teacher(), flag(MARKUP, "", "裁定"), "不能包含");
        assertThat(page).contains(ESCAPED);
        assertRefused(school.teacher(), flag("张某", "", "因".repeat(301)), "内容过长");
        assertNotFound(
                school.teacher(),
                post("/teacher/pickup/children/{id}/flags", demoChild)
                        .param("name", "张某")
                        .param("reason", "裁定"));

        UUID flag = pickup.flag(school.admin(), family.student(), new NewFlag("张某", null, "裁定"));
        assertRefused(school.admin(), post("/school/pickup/flags/{id}/lift", flag), "此项必填");
        assertRefused(
                school.admin(), post("/school/pickup/flags/{id}/lift", flag).param("reason", MARKUP), "不能包含");
        assertNotFound(
                school.admin(), post("/school/pickup/flags/{id}/lift", "nope").param("reason", "x"));
        assertNotFound(
                demo.scope("JX-PS-ADMIN"),
                post("/school/pickup/flags/{id}/lift", flag).param("reason", "越权"));
    }

    @Test
    void patrolFormRefusesBadTimesPlacesIssuesAndPhotos() throws Exception {
        assertRefused(school.admin(), multipart("/school/patrols"), "请填写巡查所见");
        assertRefused(school.admin(), patrol(Map.of("patrolledAt", "yesterday")), "请输入有效的时间");
        assertRefused(
                school.admin(),
                patrol(Map.of(
                        "patrolledAt", LocalDateTime.now(clock).plusHours(2).format(INPUT))),
                "巡查时间不能晚于现在");
        assertRefused(
                school.admin(),
                patrol(Map.of(
                        "patrolledAt", LocalDateTime.now(clock).minusDays(40).format(INPUT))),
                "只能登记最近 30 天内的巡查");
        String page = assertRefused(school.admin(), patrol(Map.of("place", MARKUP)), "不能包含");
        assertThat(page).contains(ESCAPED);
        assertRefused(school.admin(), patrol(Map.of("observed", MARKUP)), "不能包含");
        assertRefused(school.admin(), patrol(Map.of("observed", "看".repeat(1001))), "内容过长");
        assertRefused(school.admin(), patrol(Map.of("place", "")), "请选择课程或场地，或填写巡查地点");
        assertRefused(school.admin(), patrol(Map.of("issues", "FIRE")), "请从列表中选择问题");
        assertRefused(school.admin(), patrol(Map.of("issues", "SAFETY_PROBLEM")), "发现问题时，请填写跟进措施");
        assertRefused(school.admin(), patrol(Map.of("offeringId", "abc")), "请选择本校今天开设的课程");
        UUID theirVenue = catalog.addVenue(
                demo.scope("JX-PS-ADMIN"), demo.school("JX-PS"), new NewVenue("坏输入他校操场", VenueKind.GYM, 50));
        assertRefused(school.admin(), patrol(Map.of("place", "", "venueId", theirVenue.toString())), "请选择本校的场地");
        MockMultipartHttpServletRequestBuilder four = patrol(Map.of());
        for (int i = 0; i < 4; i++) {
            four.file(new MockMultipartFile("photos", "p" + i + ".png", "image/png", OperationsFixtures.photo()));
        }
        assertRefused(school.admin(), four, "最多只能上传 3 张照片");
        assertRefused(
                school.admin(),
                patrol(Map.of()).file(new MockMultipartFile("photos", "notes.jpg", "image/jpeg", "hello".getBytes())),
                "这个文件不是图片");
    }

    @Test
    void resolveRefusesAnEmptyAnswerAndAnotherSchoolsPatrol() throws Exception {
        UUID open = jdbc.sql("select id from operations.patrol where follow_up_status = 'OPEN' and school_id = :s"
                        + " order by id limit 1")
                .param("s", demo.school("JX-PS"))
                .query(UUID.class)
                .optional()
                .orElse(UUID.randomUUID());
        assertNotFound(
                school.admin(), post("/school/patrols/{id}/resolve", open).param("resolution", "越权"));
        assertNotFound(
                school.admin(), post("/school/patrols/{id}/resolve", "bad").param("resolution", "x"));
        var created = mvc.perform(patrol(Map.of("issues", "OTHER", "followUp", "待办"))
                        .with(csrf())
                        .with(SignIn.as(school.admin())))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        UUID own = jdbc.sql("select id from operations.patrol where school_id = :s")
                .param("s", school.id())
                .query(UUID.class)
                .single();
        assertRefused(school.admin(), post("/school/patrols/{id}/resolve", own), "请填写处理结果");
        assertRefused(school.admin(), post("/school/patrols/{id}/resolve", own).param("resolution", MARKUP), "不能包含");
    }

    @Test
    void incidentFormRefusesBadKindsTimesChildrenAndMarkup() throws Exception {
        assertRefused(school.teacher(), post("/teacher/incidents"), "请填写事件经过");
        assertRefused(school.teacher(), incident(Map.of("kind", "FIRE")), "请从列表中选择事件类型");
        assertRefused(school.teacher(), incident(Map.of("occurredAt", "soon")), "请输入有效的时间");
        assertRefused(
                school.teacher(),
                incident(Map.of(
                        "occurredAt", LocalDateTime.now(clock).plusDays(1).format(INPUT))),
                "发生时间不能晚于现在");
        String page = assertRefused(school.teacher(), incident(Map.of("description", MARKUP)), "不能包含");
        assertThat(page).contains(ESCAPED);
        assertRefused(school.teacher(), incident(Map.of("actions", "做".repeat(1001))), "内容过长");
        assertRefused(school.teacher(), incident(Map.of("children", "abc")), "请从列表中选择学生");
        assertRefused(school.teacher(), incident(Map.of("children", "")), "请至少选择一名所涉学生");
        assertRefused(school.teacher(), incident(Map.of("children", demoChild.toString())), "只能选择您所服务的学生");
        assertRefused(
                school.admin(),
                post("/school/incidents")
                        .param("kind", "INJURY")
                        .param("occurredAt", recently)
                        .param("description", "摔倒")
                        .param("actions", "处理")
                        .param("children", demoChild.toString()),
                "只能选择您所服务的学生");
    }

    private MockMultipartHttpServletRequestBuilder person(Map<String, String> changes) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!changes.isEmpty()) {
            values.put("name", "孙叔叔");
            values.put("relation", "FAMILY_FRIEND");
            values.put("mobile", "13720002222");
            values.putAll(changes);
        }
        MockMultipartHttpServletRequestBuilder request =
                multipart("/guardian/children/{id}/pickup/persons", family.student());
        values.forEach(request::param);
        return request;
    }

    private AbstractMockHttpServletRequestBuilder<?> release(Map<String, String> changes) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("date", school.day().toString());
        values.put("service", "SLOT_2");
        values.put("choice", "GUARDIAN:" + family.guardian());
        values.putAll(changes);
        var request = post("/teacher/pickup/children/{id}/release", family.student());
        values.forEach(request::param);
        return request;
    }

    private AbstractMockHttpServletRequestBuilder<?> flag(String name, String hint, String reason) {
        return post("/teacher/pickup/children/{id}/flags", family.student())
                .param("name", name)
                .param("idHint", hint)
                .param("reason", reason);
    }

    private MockMultipartHttpServletRequestBuilder patrol(Map<String, String> changes) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("patrolledAt", recently);
        values.put("place", "东门");
        values.put("observed", "放学秩序良好");
        values.putAll(changes);
        MockMultipartHttpServletRequestBuilder request = multipart("/school/patrols");
        values.forEach(request::param);
        return request;
    }

    private AbstractMockHttpServletRequestBuilder<?> incident(Map<String, String> changes) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("kind", "INJURY");
        values.put("occurredAt", recently);
        values.put("description", "摔倒");
        values.put("actions", "处理");
        values.put("children", family.student().toString());
        values.putAll(changes);
        var request = post("/teacher/incidents");
        values.forEach(request::param);
        return request;
    }

    /** Posts the form and checks: 200, the message shown, no stack trace, and nothing stored, audited or sent. */
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

    private void assertNotFound(UserScope caller, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        long before = fingerprint();
        MockHttpServletResponse response = mvc.perform(request.with(csrf()).with(SignIn.as(caller)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).doesNotContain("Exception");
        assertThat(fingerprint()).isEqualTo(before);
    }

    private long fingerprint() {
        return jdbc.sql("""
                        select (select count(*) from platform.audit_event) * 1000003
                          + (select count(*) from platform.photo) * 7919
                          + (select count(*) from platform.notification) * 104729
                          + (select count(*) + coalesce(sum(version), 0) from operations.pickup_arrangement) * 31
                          + (select count(*) from operations.pickup_person) * 37
                          + (select count(*) + coalesce(sum(version), 0) from operations.pickup_flag) * 41
                          + (select count(*) from operations.pickup_release) * 43
                          + (select count(*) from operations.pickup_refusal) * 47
                          + (select count(*) + coalesce(sum(version), 0) from operations.patrol) * 53
                          + (select count(*) from operations.patrol_photo) * 59
                          + (select count(*) from operations.incident) * 61""").query(Long.class).single();
    }
}
