package org.kehou.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.DayOfWeek;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.BookingFixtures;
import org.kehou.enrollment.EnrollmentFixtures;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.enrollment.EnrollmentFixtures.Family;
import org.kehou.enrollment.EnrollmentManagement;
import org.kehou.organization.OrganizationManagement;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.AccountManagement.NewAccount;
import org.kehou.platform.Role;
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
 * Bad input on the move form, the booking buttons and the count and roster pages (ENROL-3, SCOPE-3): a missing,
 * malformed or foreign destination, a missing, too long or marked-up reason, a full destination, a missing or
 * malformed child, another family's child, a full or booked opening, unreadable terms and years, malformed ids. The
 * page answers with a clear message in the user's language, the input escaped, nothing stored, never a 500.
 */
@KehouTest
class RosterBadInputTests {

    static final String MARKUP = "<script>alert(1)</script>";

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EnrollmentManagement enrollment;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    AccountManagement accounts;

    @Autowired
    Clock clock;

    EnrollmentFixtures fixtures;
    Campus campus;
    UserScope admin;

    @BeforeEach
    void campus() {
        fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        UUID id = accounts.openAccount(new NewAccount(
                "名册测试管理员",
                null,
                "RSTB-" + EnrollmentFixtures.next(),
                EnrollmentFixtures.PASSWORD,
                Set.of(Role.SCHOOL_ADMIN),
                campus.countyId(),
                campus.schoolId(),
                null,
                null,
                null,
                false));
        admin = accounts.scopeOf(id).orElseThrow();
    }

    @Test
    void theMoveFormRefusesBadInputBesideTheFieldAndChangesNothing() throws Exception {
        UUID source = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 5, 3);
        UUID full = fixtures.offering(campus, DayOfWeek.TUESDAY, Slot.SLOT_2, 1, 3);
        fixtures.openWindowNow(campus, 5);
        UUID registration = enroll(fixtures.family(campus, 3, 1), source);
        enroll(fixtures.family(campus, 3, 1), full);
        UUID foreign =
                fixtures.offering(fixtures.campus(demo.scope("LY-JX-ADMIN")), DayOfWeek.MONDAY, Slot.SLOT_2, 5, 3);
        long before = changes();

        assertMoveRefused(registration, null, "原因", "请选择调入课程。");
        assertMoveRefused(registration, "not-a-uuid", "原因", "请从列表中选择调入课程。");
        assertMoveRefused(registration, full.toString(), "", "请填写调课原因。");
        assertMoveRefused(registration, full.toString(), "长".repeat(201), "内容过长。");
        assertMoveRefused(registration, full.toString(), MARKUP, "不能包含");
        assertMoveRefused(registration, full.toString(), "满员", "调入课程名额已满。");
        assertMoveRefused(registration, source.toString(), "同一", "调入课程不能与原课程相同。");
        String english = body(
                post("/school/registrations/{id}/move", registration)
                        .param("destinationId", full.toString())
                        .param("reason", "")
                        .cookie(new jakarta.servlet.http.Cookie("kehou-lang", "en")),
                admin,
                200);
        assertThat(english).contains("Give the reason for the move.");
        body(
                post("/school/registrations/{id}/move", registration)
                        .param("destinationId", foreign.toString())
                        .param("reason", "他校"),
                admin,
                404);
        assertThat(changes()).isEqualTo(before);
        assertThat(status(post("/school/registrations/{id}/move", "x").param("reason", "r"), admin))
                .isBetween(400, 404);
    }

    @Test
    void theBookingButtonsRefuseBadInputAndChangeNothing() throws Exception {
        UUID opening = new BookingFixtures(organization, catalog).opening(campus, 1, 3);
        Family family = fixtures.family(campus, 3, 2);
        UserScope guardian = fixtures.account(family);
        Family other = fixtures.family(campus, 3, 1);
        long before = changes();

        assertThat(body(post("/guardian/openings/{id}/bookings", opening), guardian, 200))
                .contains("请选择要预约的孩子。");
        assertThat(body(post("/guardian/openings/{id}/bookings", opening).param("childId", "abc"), guardian, 200))
                .contains("请选择要预约的孩子。");
        body(
                post("/guardian/openings/{id}/bookings", opening)
                        .param("childId", other.child().toString()),
                guardian,
                404);
        body(
                post("/guardian/openings/{id}/bookings", UUID.randomUUID())
                        .param("childId", family.child().toString()),
                guardian,
                404);
        assertThat(changes()).isEqualTo(before);

        body(
                post("/guardian/openings/{id}/bookings", opening)
                        .param("childId", family.child().toString()),
                guardian,
                302);
        long booked = changes();
        assertThat(body(
                        post("/guardian/openings/{id}/bookings", opening)
                                .param("childId", family.child().toString()),
                        guardian,
                        200))
                .contains("孩子已预约该开放时段。");
        assertThat(body(
                        post("/guardian/openings/{id}/bookings", opening)
                                .param("childId", family.children().get(1).toString()),
                        guardian,
                        200))
                .contains("名额已满。");
        assertThat(changes()).isEqualTo(booked);
        body(post("/guardian/bookings/{id}/cancel", UUID.randomUUID()), guardian, 404);
        assertThat(status(post("/guardian/bookings/{id}/cancel", "1' or '1'='1"), guardian))
                .isBetween(400, 404);
        assertThat(changes()).isEqualTo(booked);
    }

    @Test
    void unreadableTermsYearsAndIdsShowTheDefaultOrNotFound() throws Exception {
        assertThat(body(get("/school/registration-counts").param("term", MARKUP), admin, 200))
                .contains("id=\"bad-choice\"")
                .doesNotContain(MARKUP);
        UserScope county = demo.scope("LY-JX-ADMIN");
        for (String[] choice : new String[][] {{"abc", "AUTUMN"}, {"99999", "AUTUMN"}, {"2026", "WINTER"}}) {
            assertThat(body(
                            get("/county/registration-counts")
                                    .param("year", choice[0])
                                    .param("kind", choice[1]),
                            county,
                            200))
                    .contains("id=\"bad-choice\"");
        }
        assertThat(status(get("/school/offerings/{id}/roster", "nope"), admin)).isBetween(400, 404);
        assertThat(status(get("/school/offerings/{id}/roster.xlsx", UUID.randomUUID()), admin))
                .isEqualTo(404);
        assertThat(status(get("/school/bookings/{id}", "nope"), admin)).isBetween(400, 404);
    }

    private void assertMoveRefused(UUID registration, String destination, String reason, String message)
            throws Exception {
        MockHttpServletRequestBuilder request =
                post("/school/registrations/{id}/move", registration).param("reason", reason);
        if (destination != null) {
            request.param("destinationId", destination);
        }
        String page = body(request, admin, 200);
        assertThat(page).contains(message).contains("id=\"move-form\"").doesNotContain(MARKUP);
    }

    private UUID enroll(Family family, UUID offering) {
        return enrollment
                .enroll(family.guardian(), fixtures.consenting(family.child(), offering), EnrollmentFixtures.key())
                .enrollmentId();
    }

    private String body(MockHttpServletRequestBuilder request, UserScope as, int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        request.with(SignIn.as(as)).with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return response.getContentAsString();
    }

    private int status(MockHttpServletRequestBuilder request, UserScope as) throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        request.with(SignIn.as(as)).with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getContentAsString()).doesNotContain("Exception");
        return response.getStatus();
    }

    private long changes() {
        return jdbc.sql("""
                        select (select count(*) from enrollment.enrollment) * 1000
                          + (select coalesce(sum(version), 0) from enrollment.enrollment) * 100
                          + (select count(*) from enrollment.enrollment_event) * 10
                          + (select coalesce(sum(taken * 7 + waiting), 0) from enrollment.seat)
                          + (select count(*) + coalesce(sum(version), 0) from enrollment.opening_booking) * 10000
                          + (select coalesce(sum(taken), 0) from enrollment.opening_seat) * 100000
                          + (select count(*) from platform.notification) * 1000000""").query(Long.class).single();
    }
}
