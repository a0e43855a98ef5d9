package org.kehou.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
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
 * The roster, count, move and booking pages (ENROL-2, ENROL-3, SCOPE-3) as a school admin, a county admin and a
 * guardian use them, whole and as htmx fragments: the roster lists the children in order and downloads as a
 * workbook with neutralised cells; the counts show the stored numbers; a move goes through and is confirmed; a
 * guardian books and cancels an opening and the school sees who booked; another school's pages are not found.
 */
@KehouTest
class RosterWebTests {

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
        admin = adminOf(campus);
    }

    @Test
    void theRosterPageListsTheChildrenInOrderAndPrints() throws Exception {
        UUID offering = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 1, 3);
        fixtures.openWindowNow(campus, 5);
        Family first = fixtures.family(campus, 3, 1);
        Family second = fixtures.family(campus, 3, 1);
        UUID seat = enroll(first, offering);
        enroll(second, offering);

        String page = html(get("/school/offerings/{id}/roster", offering), admin);
        assertThat(page).contains("<html", "id=\"confirmed\"", "id=\"waiting\"", "data-print", first.mobile());
        assertThat(page).contains("confirmed-" + first.child(), "waiting-" + second.child(), "move-" + seat);
        String fragment = html(get("/school/offerings/{id}/roster", offering).header("HX-Request", "true"), admin);
        assertThat(fragment).doesNotContain("<html").contains("id=\"roster\"", "confirmed-" + first.child());
    }

    @Test
    void theRosterWorkbookHasTheChildrenAndNeutralisedCells() throws Exception {
        UUID offering = fixtures.offering(campus, DayOfWeek.TUESDAY, Slot.SLOT_2, 5, 3);
        fixtures.openWindowNow(campus, 5);
        Family family = fixtures.family(campus, 3, 1);
        enroll(family, offering);
        enroll(fixtures.family(campus, 3, 1), offering);
        jdbc.sql("""
                        update organization.guardian set name = '=HYPERLINK("http://x")'
                        where id = :id""").param("id", family.guardianId()).update();

        MockHttpServletResponse response = mvc.perform(
                        get("/school/offerings/{id}/roster.xlsx", offering).with(SignIn.as(admin)))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo(OfferingRosterController.XLSX);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            Sheet confirmed = workbook.getSheetAt(0);
            assertThat(confirmed.getLastRowNum()).isEqualTo(2);
            assertThat(confirmed.getRow(0).getCell(3).getStringCellValue()).isEqualTo("学生");
            assertThat(confirmed.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(confirmed.getRow(1).getCell(4).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
            assertThat(confirmed.getRow(1).getCell(5).getStringCellValue()).isEqualTo(family.mobile());
            assertThat(workbook.getSheetAt(1).getLastRowNum()).isZero();
        }
    }

    @Test
    void theCountPagesShowTheStoredNumbers() throws Exception {
        UUID offering = fixtures.offering(campus, DayOfWeek.WEDNESDAY, Slot.SLOT_1, 1, 3, 4);
        fixtures.openWindowNow(campus, 5);
        enroll(fixtures.family(campus, 3, 1), offering);
        enroll(fixtures.family(campus, 4, 1), offering);

        String page = html(
                get("/school/registration-counts").param("term", campus.termId().toString()), admin);
        assertThat(page)
                .contains("<html", "id=\"school-confirmed\">1<", "id=\"school-waiting\">1<", "roster-" + offering);
        String fragment = html(
                get("/school/registration-counts")
                        .param("term", campus.termId().toString())
                        .header("HX-Request", "true"),
                admin);
        assertThat(fragment).doesNotContain("<html").contains("id=\"counts\"", "school-grade-3");
        String county = html(
                get("/county/registration-counts")
                        .param("year", String.valueOf(campus.schoolYear()))
                        .param("kind", "AUTUMN"),
                demo.scope("LY-JX-ADMIN"));
        assertThat(county).contains("school-" + campus.schoolId(), "报名测试小学");
    }

    @Test
    void aMoveThroughTheFormIsConfirmedAndTheRosterShowsIt() throws Exception {
        UUID source = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 5, 3);
        UUID destination = fixtures.offering(campus, DayOfWeek.THURSDAY, Slot.SLOT_2, 5, 3);
        fixtures.openWindowNow(campus, 5);
        Family family = fixtures.family(campus, 3, 1);
        UUID registration = enroll(family, source);

        assertThat(html(get("/school/registrations/{id}/move", registration), admin))
                .contains("id=\"move-form\"", destination.toString());
        var response = mvc.perform(post("/school/registrations/{id}/move", registration)
                        .param("destinationId", destination.toString())
                        .param("reason", "家长申请")
                        .with(SignIn.as(admin))
                        .with(csrf()))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/school/offerings/" + source + "/roster");
        assertThat(html(get("/school/offerings/{id}/roster", destination), admin))
                .contains("confirmed-" + family.child());
    }

    @Test
    void aGuardianBooksAndCancelsAnOpeningAndTheSchoolSeesWhoBooked() throws Exception {
        UUID opening = new BookingFixtures(organization, catalog).opening(campus, 2, 1);
        Family family = fixtures.family(campus, 3, 1);
        UserScope guardian = fixtures.account(family);

        String page = html(get("/guardian/openings"), guardian);
        assertThat(page).contains("<html", "book-" + opening + "-" + family.child());
        assertThat(html(get("/guardian/openings").header("HX-Request", "true"), guardian))
                .doesNotContain("<html")
                .contains("id=\"openings\"");
        var booked = mvc.perform(post("/guardian/openings/{id}/bookings", opening)
                        .param("childId", family.child().toString())
                        .with(SignIn.as(guardian))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(booked.getStatus()).isEqualTo(302);
        UUID booking = jdbc.sql("select id from enrollment.opening_booking where child_id = :c and status = 'BOOKED'")
                .param("c", family.child())
                .query(UUID.class)
                .single();

        assertThat(html(get("/school/bookings"), admin)).contains("opening-" + opening, "1 / 2");
        assertThat(html(get("/school/bookings/{id}", opening), admin))
                .contains("booked-" + family.child(), "data-print", family.mobile());
        assertThat(html(get("/school/bookings/{id}", opening).header("HX-Request", "true"), admin))
                .doesNotContain("<html")
                .contains("id=\"bookings\"");

        var cancelled = mvc.perform(post("/guardian/bookings/{id}/cancel", booking)
                        .with(SignIn.as(guardian))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(cancelled.getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select taken from enrollment.opening_seat where opening_id = :o")
                        .param("o", opening)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(html(get("/guardian/openings"), guardian)).contains("booking-" + booking, "已取消");
    }

    @Test
    void anotherSchoolsRosterWorkbookMoveAndBookingsAreNotFound() throws Exception {
        UUID offering = fixtures.offering(campus, DayOfWeek.FRIDAY, Slot.SLOT_2, 5, 3);
        fixtures.openWindowNow(campus, 5);
        UUID registration = enroll(fixtures.family(campus, 3, 1), offering);
        UUID opening = new BookingFixtures(organization, catalog).opening(campus, 2, 2);
        UserScope other = adminOf(fixtures.campus(demo.scope("LY-JX-ADMIN")));

        for (MockHttpServletRequestBuilder request : List.of(
                get("/school/offerings/{id}/roster", offering),
                get("/school/offerings/{id}/roster.xlsx", offering),
                get("/school/registrations/{id}/move", registration),
                get("/school/bookings/{id}", opening))) {
            assertThat(mvc.perform(request.with(SignIn.as(other)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(404);
        }
    }

    private UUID enroll(Family family, UUID offering) {
        return enrollment
                .enroll(family.guardian(), fixtures.consenting(family.child(), offering), EnrollmentFixtures.key())
                .enrollmentId();
    }

    private UserScope adminOf(Campus campus) {
        UUID id = accounts.openAccount(new NewAccount(
                "名册测试管理员",
                null,
                "RST-" + EnrollmentFixtures.next(),
                EnrollmentFixtures.PASSWORD,
                Set.of(Role.SCHOOL_ADMIN),
                campus.countyId(),
                campus.schoolId(),
                null,
                null,
                null,
                false));
        return accounts.scopeOf(id).orElseThrow();
    }

    private String html(MockHttpServletRequestBuilder request, UserScope as) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(request.with(SignIn.as(as))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }
}
