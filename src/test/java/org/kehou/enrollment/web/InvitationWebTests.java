package org.kehou.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kehou.catalog.CatalogManagement;
import org.kehou.enrollment.EnrollmentFixtures;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.enrollment.EnrollmentManagement;
import org.kehou.organization.OrganizationManagement;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The invitation page of a school admin (ENROL-1, ENROL-2): the form and the list in both languages, a sent
 * invitation and its double submission, and bad input on the form, each answered beside its field in the user's
 * language with nothing sent, never a 500; another school's class or window is not found.
 */
@KehouTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitationWebTests {

    static final String MARKUP = "<script>alert(1)</script>";
    static final Cookie ENGLISH = new Cookie("kehou-lang", "en");

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    EnrollmentManagement enrollment;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    Campus campus;
    Campus other;
    UUID window;
    UUID closed;
    UUID otherWindow;
    UserScope admin;
    UserScope guardian;

    @BeforeAll
    void campus() {
        var fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        other = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        window = fixtures.openWindowNow(campus, 5);
        LocalDateTime now = LocalDateTime.now(clock);
        closed = fixtures.openWindow(campus, now.plusDays(10), now.plusDays(11), 5);
        jdbc.sql("update enrollment.registration_window set opens_at = :o, closes_at = :c where id = :id")
                .param("o", now.minusDays(2))
                .param("c", now.minusDays(1))
                .param("id", closed)
                .update();
        otherWindow = fixtures.openWindowNow(other, 5);
        admin = fixtures.adminAccount(campus);
        guardian = fixtures.account(fixtures.family(campus, 3, 2));
    }

    @Test
    void thePageOffersTheWindowsGradesAndClassesInBothLanguages() throws Exception {
        String zh = page(get("/school/registration/invitations"));
        assertThat(zh).contains("邀请家长报名").contains("id=\"invitation-form\"").contains("3 年级 1班");
        assertThat(zh).contains("value=\"" + window + "\"").doesNotContain("value=\"" + closed + "\"");
        assertThat(zh).as("a school year is a year, not an amount").doesNotContainPattern("\\d,\\d{3} ");
        String en = page(get("/school/registration/invitations").cookie(ENGLISH));
        assertThat(en).contains("Invite guardians to register").contains("Grade 4 1班");
        assertThat(page(get("/school/registration").cookie(ENGLISH))).contains("/school/registration/invitations");
        String fragment = page(get("/school/registration/invitations").header("HX-Request", "true"));
        assertThat(fragment).doesNotContain("<html").contains("id=\"invitations-page\"");
    }

    @Test
    void anInvitationIsSentOnceEvenWhenTheFormIsSubmittedTwice() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = invitations();
        MvcResult first =
                sent(invite(window.toString(), "请在周五前报名").param("grades", "3").param("formKey", key));
        assertThat(first.getResponse().getStatus()).isEqualTo(302);
        assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/school/registration/invitations");
        assertThat(first.getFlashMap().get("flash")).isEqualTo("invitation.sent");
        MvcResult again =
                sent(invite(window.toString(), "请在周五前报名").param("grades", "3").param("formKey", key));
        assertThat(again.getFlashMap().get("flash")).isEqualTo("invitation.sentBefore");
        assertThat(invitations()).isEqualTo(before + 1);
        assertThat(guardianNotices()).isEqualTo(1);
        String list = page(get("/school/registration/invitations"));
        assertThat(list).contains("请在周五前报名").contains("id=\"invitations\"");
        String inbox = page(get("/inbox"), guardian);
        assertThat(inbox).contains("邀请您为").contains("学校留言：请在周五前报名");
        assertThat(page(get("/inbox").cookie(ENGLISH), guardian)).contains("invites you to register");
    }

    @Test
    void aMessageWithMarkupIsShownAsText() throws Exception {
        MockHttpServletResponse sent = perform(invite(window.toString(), MARKUP)
                .param("classIds", campus.classes().get(4).toString()));
        assertThat(sent.getStatus()).isEqualTo(302);
        assertThat(page(get("/school/registration/invitations")))
                .contains("&lt;script&gt;")
                .doesNotContain(MARKUP);
    }

    @Test
    void badInputIsRefusedBesideItsFieldAndNothingIsSent() throws Exception {
        String own = window.toString();
        assertRefused(invite(own, "").param("formKey", key()), "id=\"grades-error\"", "请至少选择一个年级或班级");
        assertRefused(
                invite(own, "长".repeat(201)).param("grades", "3").param("formKey", key()),
                "id=\"message-error\"",
                "留言最多 200 字");
        assertRefused(
                invite(closed.toString(), "").param("grades", "3").param("formKey", key()),
                "id=\"windowId-error\"",
                "已于");
        assertRefused(invite(null, "").param("grades", "3").param("formKey", key()), "id=\"windowId-error\"", "此项必填");
        assertRefused(
                invite("abc", "").param("grades", "3").param("formKey", key()),
                "id=\"windowId-error\"",
                "请选择本校或本区的报名时段");
        assertRefused(
                invite(own, "").param("classIds", "abc").param("formKey", key()), "id=\"classIds-error\"", "请选择本校的班级");
        assertRefused(invite(own, "").param("grades", "三").param("formKey", key()), "id=\"grades-error\"", "请选择本校的年级");
        assertRefused(invite(own, "").param("grades", "3").param("formKey", ""), "id=\"formKey-error\"", "页面已过期");
        assertRefused(
                invite(own, "").param("grades", "3").param("formKey", "k".repeat(65)), "id=\"formKey-error\"", "页面已过期");
        String english = assertRefused(
                invite(own, "").param("formKey", key()).cookie(ENGLISH),
                "id=\"grades-error\"",
                "Choose at least one grade or class");
        assertThat(english).contains("Invite guardians to register");
    }

    @Test
    void anotherSchoolsClassGradeOrWindowIsNotFound() throws Exception {
        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
            invite(window.toString(), "")
                    .param("classIds", other.classes().get(3).toString()),
            invite(window.toString(), "").param("classIds", UUID.randomUUID().toString()),
            invite(window.toString(), "").param("grades", "9"),
            invite(otherWindow.toString(), "").param("grades", "3"),
            invite(UUID.randomUUID().toString(), "").param("grades", "3")
        }) {
            long before = invitations();
            long notices = guardianNotices();
            MockHttpServletResponse response = perform(request.param("formKey", key()));
            assertThat(response.getStatus()).as(request.toString()).isEqualTo(404);
            assertThat(response.getContentAsString()).doesNotContain("Exception");
            assertThat(invitations()).isEqualTo(before);
            assertThat(guardianNotices()).isEqualTo(notices);
        }
    }

    private String assertRefused(MockHttpServletRequestBuilder request, String field, String message) throws Exception {
        long before = invitations();
        long notices = guardianNotices();
        MockHttpServletResponse response = perform(request);
        assertThat(response.getStatus()).as(response.getRedirectedUrl()).isEqualTo(200);
        String body = response.getContentAsString();
        assertThat(body).contains(field).contains(message).doesNotContain("Exception");
        assertThat(invitations()).isEqualTo(before);
        assertThat(guardianNotices()).isEqualTo(notices);
        return body;
    }

    private long invitations() {
        return jdbc.sql("select count(*) from enrollment.invitation where school_id = :s")
                .param("s", campus.schoolId())
                .query(Long.class)
                .single();
    }

    private long guardianNotices() {
        return jdbc.sql("select count(*) from platform.notification where recipient_id = :a and topic = :t")
                .param("a", guardian.accountId())
                .param("t", "enrollment.invitation")
                .query(Long.class)
                .single();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static MockHttpServletRequestBuilder invite(String window, String message) {
        var request = post("/school/registration/invitations").param("message", message);
        if (window != null) {
            request.param("windowId", window);
        }
        return request;
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return page(request, admin);
    }

    private String page(MockHttpServletRequestBuilder request, UserScope caller) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(request.with(SignIn.as(caller))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        response.setCharacterEncoding("UTF-8");
        return response.getContentAsString();
    }

    private MvcResult sent(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(SignIn.as(admin))).andReturn();
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        request.with(csrf()).with(SignIn.as(admin));
        return mvc.perform(request).andReturn().getResponse();
    }
}
