package org.kehou.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.VenueKind;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.Term;
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
 * A school's openings on days without school (SCOPE-3): one is planned, listed with its supervisors and published,
 * then shown on the public page; an opening on a school day, above the venue's capacity, on a venue already open
 * then or on a day gone by is refused beside its field in the user's language with nothing stored; another school's
 * opening or venue is not found.
 */
@KehouTest
class SchoolOpeningWebTests {

    static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    OrganizationQueries organization;

    @Autowired
    Clock clock;

    UserScope admin;
    UUID venue;
    String venueName;
    UUID supervisor;
    String supervisorName;

    @BeforeEach
    void venueAndStaff() {
        admin = demo.scope("JX-PS-ADMIN");
        venueName = "开放测试操场" + System.nanoTime() % 100_000 + "-" + SEQUENCE.incrementAndGet();
        venue = catalog.addVenue(admin, admin.schoolId(), new NewVenue(venueName, VenueKind.SPORTS_GROUND, 50));
        var staff = organization.staff(admin, admin.schoolId()).getFirst();
        supervisor = staff.id();
        supervisorName = staff.name();
    }

    @Test
    void plansListsAndPublishesAnOpeningThatThePublicThenSees() throws Exception {
        LocalDate day = freeDay(false);
        var response = mvc.perform(
                        opening(day, "09:00", "11:00", "40").with(csrf()).with(SignIn.as(admin)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/school/openings");
        UUID id = jdbc.sql("select id from catalog.opening where venue_id = :v")
                .param("v", venue)
                .query(UUID.class)
                .single();

        String row = row(id, null);
        assertThat(row)
                .contains(day.toString())
                .contains("09:00–11:00")
                .contains(venueName)
                .contains("40")
                .contains(supervisorName)
                .contains("素质拓展")
                .contains("草稿");
        assertThat(publicPage()).doesNotContain(venueName);

        var published = mvc.perform(
                        post("/school/openings/{id}/publish", id).with(csrf()).with(SignIn.as(admin)))
                .andReturn()
                .getResponse();
        assertThat(published.getStatus()).isEqualTo(302);
        assertThat(row(id, "en")).contains("Published").contains("Enrichment");
        assertThat(publicPage()).contains(venueName).contains("09:00–11:00").doesNotContain(supervisorName);

        var again = mvc.perform(
                        post("/school/openings/{id}/publish", id).with(csrf()).with(SignIn.as(admin)))
                .andReturn()
                .getResponse();
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getContentAsString())
                .contains("id=\"publish-refusal\"")
                .contains("只有草稿状态的开放安排可以发布。");
    }

    @Test
    void refusesAnOpeningOnASchoolDayInBothLanguages() throws Exception {
        LocalDate day = freeDay(true);
        assertBeside(
                refused(opening(day, "09:00", "11:00", "40"), null), "onDate", day + " 是上学日，非上学日开放只能安排在双休日、节假日或寒暑假。");
        assertBeside(
                refused(opening(day, "09:00", "11:00", "40"), "en"),
                "onDate",
                day + " is a school day; openings are for weekends, holidays and vacations.");
    }

    @Test
    void refusesMoreStudentsThanTheVenueHoldsInBothLanguages() throws Exception {
        LocalDate day = freeDay(false);
        assertBeside(
                refused(opening(day, "09:00", "11:00", "60"), null), "capacity", "人数上限 60 超过场地容量 50，请减少人数或换一个更大的场地。");
        assertBeside(
                refused(opening(day, "09:00", "11:00", "60"), "en"),
                "capacity",
                "The capacity of 60 is more than the venue holds (50); lower it or choose a larger venue.");
    }

    @Test
    void refusesAVenueAlreadyOpenAtThatTimeInBothLanguages() throws Exception {
        LocalDate day = freeDay(false);
        mvc.perform(opening(day, "09:00", "11:00", "40").with(csrf()).with(SignIn.as(admin)));

        assertBeside(refused(opening(day, "10:00", "12:00", "40"), null), "venueId", "该场地在这段时间已有其他开放安排，请换场地或时间。");
        assertBeside(
                refused(opening(day, "10:30", "11:30", "40"), "en"),
                "venueId",
                "The venue is already open at that time; choose another venue or time.");
    }

    @Test
    void refusesADayGoneByAndTimesOutsideTheDay() throws Exception {
        LocalDate past = LocalDate.now(clock).minusDays(3);
        assertBeside(refused(opening(past, "09:00", "11:00", "40"), null), "onDate", past + " 已经过去，请选择今天或以后的日期。");
        assertBeside(
                refused(opening(past, "09:00", "11:00", "40"), "en"),
                "onDate",
                past + " has passed; choose today or a later day.");
        assertThat(refused(opening(freeDay(false), "05:00", "07:00", "40"), null))
                .contains("时间须在 06:00 至 22:00 之间，请调整时间。");
    }

    @Test
    void anotherSchoolsOpeningOrVenueIsNotFound() throws Exception {
        UserScope other = demo.scope("LL-PS-ADMIN");
        UUID theirVenue = catalog.addVenue(
                other, other.schoolId(), new NewVenue("他校开放场地" + SEQUENCE.incrementAndGet(), VenueKind.GYM, 80));
        UUID theirStaff = organization.staff(other, other.schoolId()).getFirst().id();
        LocalDate day = freeDay(false);
        UUID theirs = catalog.planOpening(
                other,
                other.schoolId(),
                new CatalogManagement.NewOpening(
                        theirVenue,
                        day,
                        java.time.LocalTime.of(9, 0),
                        java.time.LocalTime.of(10, 0),
                        30,
                        org.kehou.catalog.OpeningPurpose.CARE,
                        List.of(theirStaff)));
        long before = openings();

        var publish = mvc.perform(post("/school/openings/{id}/publish", theirs)
                        .with(csrf())
                        .with(SignIn.as(admin)))
                .andReturn()
                .getResponse();
        assertThat(publish.getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("select state from catalog.opening where id = :id")
                        .param("id", theirs)
                        .query(String.class)
                        .single())
                .isEqualTo("DRAFT");
        var plan = mvc.perform(opening(theirVenue, day, "11:00", "12:00", "20")
                        .with(csrf())
                        .with(SignIn.as(admin)))
                .andReturn()
                .getResponse();
        assertThat(plan.getStatus()).isEqualTo(404);
        assertThat(openings()).isEqualTo(before);
        assertThat(page("/school/openings", null)).doesNotContain("他校开放场地");
    }

    @Test
    void theSchoolsOwnStaffSupervise() throws Exception {
        UUID theirStaff = organization
                .staff(demo.scope("LL-PS-ADMIN"), demo.school("LL-PS"))
                .getFirst()
                .id();
        var request = post("/school/openings")
                .param("venueId", venue.toString())
                .param("onDate", freeDay(false).toString())
                .param("startsAt", "09:00")
                .param("endsAt", "11:00")
                .param("capacity", "40")
                .param("purpose", "CARE")
                .param("supervisors", theirStaff.toString());
        assertBeside(refused(request, null), "supervisors", "看护人员须是本校教职工。");
    }

    /** A future Saturday (or a school day, when asked) of the school's calendar, well ahead of today. */
    private LocalDate freeDay(boolean schoolDay) {
        List<Term> terms = organization.terms(admin, admin.schoolId());
        LocalDate day = LocalDate.now(clock).plusDays(7 + SEQUENCE.incrementAndGet() % 7);
        for (int i = 0; i < 400; i++, day = day.plusDays(1)) {
            LocalDate d = day;
            boolean isSchoolDay = terms.stream().anyMatch(t -> t.isSchoolDay(d));
            if (schoolDay ? isSchoolDay : !isSchoolDay && d.getDayOfWeek() == DayOfWeek.SATURDAY) {
                return d;
            }
        }
        throw new IllegalStateException("no such day in the calendar");
    }

    private MockHttpServletRequestBuilder opening(LocalDate day, String from, String to, String capacity) {
        return opening(venue, day, from, to, capacity);
    }

    private MockHttpServletRequestBuilder opening(
            UUID venueId, LocalDate day, String from, String to, String capacity) {
        return post("/school/openings")
                .param("venueId", venueId.toString())
                .param("onDate", day.toString())
                .param("startsAt", from)
                .param("endsAt", to)
                .param("capacity", capacity)
                .param("purpose", "ENRICHMENT")
                .param("supervisors", supervisor.toString());
    }

    private String refused(MockHttpServletRequestBuilder request, String language) throws Exception {
        long before = openings();
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        MockHttpServletResponse response = mvc.perform(request.with(csrf()).with(SignIn.as(admin)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(openings()).as("nothing stored").isEqualTo(before);
        return response.getContentAsString();
    }

    private String page(String path, String language) throws Exception {
        var request = get(path).with(SignIn.as(admin));
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private String publicPage() throws Exception {
        var response = mvc.perform(get("/public/schools/{id}/openings", admin.schoolId()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    /** The list's row of an opening, on whichever page of the list it is. */
    private String row(UUID opening, String language) throws Exception {
        Pattern pattern = Pattern.compile("(?s)<tr id=\"opening-" + opening + "\">(.*?)</tr>");
        for (int page = 0; page < 50; page++) {
            String html = page("/school/openings?page=" + page, language);
            var row = pattern.matcher(html);
            if (row.find()) {
                return row.group(1);
            }
            if (!html.contains("?page=" + (page + 1))) {
                break;
            }
        }
        throw new AssertionError("no row of " + opening);
    }

    private static void assertBeside(String page, String field, String message) {
        Pattern beside =
                Pattern.compile("(?s)id=\"" + field + "\".*?<div class=\"invalid-feedback[^\"]*\">([^<]*)</div>");
        var matcher = beside.matcher(page);
        assertThat(matcher.find()).as("an error beside " + field).isTrue();
        assertThat(matcher.group(1)).as("the error beside " + field).contains(message);
    }

    private long openings() {
        return jdbc.sql("select count(*) + coalesce(sum(version), 0) from catalog.opening")
                .query(Long.class)
                .single();
    }
}
