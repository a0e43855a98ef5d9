package org.kehou.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.Slot;
import org.kehou.enrollment.EnrollmentFixtures;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.enrollment.EnrollmentFixtures.Family;
import org.kehou.enrollment.EnrollmentManagement;
import org.kehou.organization.OrganizationManagement;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.Htmx;
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
 * A seat offered from the waiting list on the guardian's phone pages and in the API (ENROL-2, ADR 0017): the offer
 * with its expiry and the accept and decline buttons; an expired offer, a registration without an offer and another
 * family's registration are refused with a clear message or not found, changing nothing; a window's offer hours
 * outside 1..72 are refused beside the field and open nothing.
 */
@KehouTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeatOfferWebTests {

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

    EnrollmentFixtures fixtures;
    Campus campus;
    int weekday;

    /** An offering of one seat whose seat was freed: the first in line holds an offer, the second waits. */
    record Offer(UUID offered, UserScope offeredGuardian, UUID waiting, UserScope waitingGuardian) {}

    @BeforeAll
    void campus() {
        fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        fixtures.openOfferWindowNow(campus, 5, 24);
    }

    private Offer offer() {
        DayOfWeek day = DayOfWeek.of(1 + weekday % 5);
        Slot slot = weekday / 5 % 2 == 0 ? Slot.SLOT_1 : Slot.SLOT_2;
        weekday++;
        UUID offering = fixtures.offering(campus, day, slot, 1, 3);
        Family seated = fixtures.family(campus, 3, 1);
        Family first = fixtures.family(campus, 3, 1);
        Family second = fixtures.family(campus, 3, 1);
        UserScope seatedAccount = fixtures.account(seated);
        UserScope firstAccount = fixtures.account(first);
        UserScope secondAccount = fixtures.account(second);
        UUID seat = enrollment
                .enroll(seatedAccount, fixtures.consenting(seated.child(), offering), EnrollmentFixtures.key())
                .enrollmentId();
        UUID offered = enrollment
                .enroll(firstAccount, fixtures.consenting(first.child(), offering), EnrollmentFixtures.key())
                .enrollmentId();
        UUID waiting = enrollment
                .enroll(secondAccount, fixtures.consenting(second.child(), offering), EnrollmentFixtures.key())
                .enrollmentId();
        enrollment.withdraw(seatedAccount, seat);
        assertThat(status(offered)).isEqualTo("OFFERED");
        return new Offer(offered, firstAccount, waiting, secondAccount);
    }

    @Test
    void aPlaceInLineUnderOffersSaysTheSeatWillBeHeldForTheWindowsHoursNotGivenAutomatically() throws Exception {
        DayOfWeek day = DayOfWeek.of(1 + weekday % 5);
        Slot slot = weekday / 5 % 2 == 0 ? Slot.SLOT_1 : Slot.SLOT_2;
        weekday++;
        UUID offering = fixtures.offering(campus, day, slot, 1, 3);
        Family seated = fixtures.family(campus, 3, 1);
        enrollment.enroll(
                fixtures.account(seated), fixtures.consenting(seated.child(), offering), EnrollmentFixtures.key());
        Family waiting = fixtures.family(campus, 3, 1);
        UserScope guardian = fixtures.account(waiting);

        MvcResult registered = mvc.perform(RegistrationWebTests.enrol(
                                waiting.child(),
                                offering,
                                true,
                                UUID.randomUUID().toString())
                        .with(csrf())
                        .with(SignIn.as(guardian)))
                .andReturn();
        String answerPage = registered.getResponse().getRedirectedUrl();
        assertThat(answerPage).contains("answer=");
        assertThat(status(waitingRegistration(waiting.child()))).isEqualTo("WAITLISTED");

        for (var request : new MockHttpServletRequestBuilder[] {
            get(answerPage), get(answerPage).header(Htmx.HEADER, "true")
        }) {
            String page = mvc.perform(request.with(SignIn.as(guardian)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page)
                    .contains("id=\"answer\"")
                    .contains("当前排第 1 位")
                    .contains("保留名额 24 小时")
                    .doesNotContain("自动转为正式报名");
        }
        String english = mvc.perform(
                        get(answerPage).cookie(new Cookie("kehou-lang", "en")).with(SignIn.as(guardian)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(english)
                .contains("held for the first in line for 24 hours")
                .doesNotContain("registered automatically");
    }

    private UUID waitingRegistration(UUID child) {
        return jdbc.sql("select id from enrollment.enrollment where child_id = :c")
                .param("c", child)
                .query(UUID.class)
                .single();
    }

    @Test
    void theGuardianSeesTheOfferWithItsExpiryAndAcceptsIt() throws Exception {
        Offer offer = offer();
        String page = mvc.perform(get("/guardian/registrations").with(SignIn.as(offer.offeredGuardian())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String until = LocalDateTime.now(clock)
                .plusHours(24)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH"));
        assertThat(page)
                .contains("id=\"offer-" + offer.offered() + "\"")
                .contains("id=\"accept-" + offer.offered() + "\"")
                .contains("id=\"decline-" + offer.offered() + "\"")
                .contains("待确认名额")
                .contains("请在 " + until);

        MvcResult accepted = mvc.perform(post("/guardian/registrations/{id}/accept", offer.offered())
                        .with(csrf())
                        .with(SignIn.as(offer.offeredGuardian())))
                .andReturn();

        assertThat(accepted.getResponse().getStatus()).isEqualTo(302);
        assertThat(accepted.getFlashMap().get("flash")).isEqualTo("registration.offer.accepted");
        assertThat(status(offer.offered())).isEqualTo("CONFIRMED");
        assertThat(status(offer.waiting())).isEqualTo("WAITLISTED");
    }

    @Test
    void anotherFamilysOfferIsNotFoundOnThePagesAndInTheApi() throws Exception {
        Offer offer = offer();
        for (String action : new String[] {"accept", "decline"}) {
            assertThat(mvc.perform(post("/guardian/registrations/{id}/" + action, offer.offered())
                                    .with(csrf())
                                    .with(SignIn.as(offer.waitingGuardian())))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(404);
            assertThat(mvc.perform(post("/api/v1/enrollments/{id}/" + action, offer.offered())
                                    .with(csrf())
                                    .with(SignIn.as(offer.waitingGuardian())))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(404);
            assertThat(mvc.perform(post("/api/v1/enrollments/{id}/" + action, UUID.randomUUID())
                                    .with(csrf())
                                    .with(SignIn.as(offer.waitingGuardian())))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(404);
        }
        assertThat(status(offer.offered())).as("nothing changed").isEqualTo("OFFERED");
        assertThat(status(offer.waiting())).isEqualTo("WAITLISTED");
    }

    @Test
    void anExpiredOfferIsRefusedInTheGuardiansLanguageAndChangesNothing() throws Exception {
        Offer offer = offer();
        jdbc.sql("update enrollment.enrollment set offer_expires_at = :past where id = :id")
                .param("past", LocalDateTime.now(clock).minusMinutes(1))
                .param("id", offer.offered())
                .update();

        MockHttpServletResponse zh = mvc.perform(post("/api/v1/enrollments/{id}/accept", offer.offered())
                        .with(csrf())
                        .with(SignIn.as(offer.offeredGuardian())))
                .andReturn()
                .getResponse();
        MockHttpServletResponse en = mvc.perform(post("/api/v1/enrollments/{id}/accept", offer.offered())
                        .header("Accept-Language", "en")
                        .with(csrf())
                        .with(SignIn.as(offer.offeredGuardian())))
                .andReturn()
                .getResponse();
        MvcResult page = mvc.perform(post("/guardian/registrations/{id}/accept", offer.offered())
                        .with(csrf())
                        .with(SignIn.as(offer.offeredGuardian())))
                .andReturn();

        assertThat(zh.getStatus()).isEqualTo(422);
        assertThat(JsonPath.<String>read(zh.getContentAsString(), "$.detail")).isEqualTo("名额确认已过期，名额已让给候补的下一位。");
        assertThat(JsonPath.<String>read(en.getContentAsString(), "$.detail"))
                .isEqualTo("The offer has expired; the seat goes to the next in line.");
        assertThat(page.getResponse().getStatus()).isEqualTo(302);
        assertThat(page.getFlashMap().get("refusal")).isEqualTo("enrollment.offerExpired");
        assertThat(status(offer.offered())).as("nothing changed").isEqualTo("OFFERED");
        assertThat(status(offer.waiting())).isEqualTo("WAITLISTED");
    }

    @Test
    void onlyAnOfferCanBeAnsweredAndADeclinedSeatGoesToTheNextInLine() throws Exception {
        Offer offer = offer();
        MockHttpServletResponse notOffered = mvc.perform(post("/api/v1/enrollments/{id}/decline", offer.waiting())
                        .with(csrf())
                        .with(SignIn.as(offer.waitingGuardian())))
                .andReturn()
                .getResponse();
        assertThat(notOffered.getStatus()).isEqualTo(422);
        assertThat(JsonPath.<String>read(notOffered.getContentAsString(), "$.detail"))
                .isEqualTo("该报名当前没有待确认的名额。");
        assertThat(status(offer.waiting())).isEqualTo("WAITLISTED");

        MvcResult declined = mvc.perform(post("/guardian/registrations/{id}/decline", offer.offered())
                        .with(csrf())
                        .with(SignIn.as(offer.offeredGuardian())))
                .andReturn();

        assertThat(declined.getFlashMap().get("flash")).isEqualTo("registration.offer.declined");
        assertThat(status(offer.offered())).isEqualTo("WITHDRAWN");
        assertThat(status(offer.waiting())).isEqualTo("OFFERED");
        assertThat(mvc.perform(post("/api/v1/enrollments/{id}/accept", offer.waiting())
                                .with(csrf())
                                .with(SignIn.as(offer.waitingGuardian())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(204);
        assertThat(status(offer.waiting())).isEqualTo("CONFIRMED");
    }

    @Test
    void offerHoursOutsideOneToSeventyTwoAreRefusedBesideTheFieldAndOpenNoWindow() throws Exception {
        long before = windows();
        for (String hours : new String[] {"0", "73", "", "-1"}) {
            String page = mvc.perform(post("/county/registration/windows")
                            .with(csrf())
                            .with(SignIn.as(demo.scope("LY-JX-ADMIN")))
                            .param("schoolYear", String.valueOf(EnrollmentFixtures.year()))
                            .param("termKind", "AUTUMN")
                            .param("opensAt", "2199-09-01T08:00")
                            .param("closesAt", "2199-09-02T08:00")
                            .param("waitlistLimit", "5")
                            .param("promotion", "OFFER")
                            .param("offerHours", hours))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).as("offer hours %s", hours).contains("id=\"window-form\"");
            assertThat(page).as("offer hours %s", hours).contains("确认时限应在 1 至 72 小时之间。");
        }
        assertThat(windows()).isEqualTo(before);
    }

    private long windows() {
        return jdbc.sql("select count(*) from enrollment.registration_window")
                .query(Long.class)
                .single();
    }

    private String status(UUID id) {
        return jdbc.sql("select status from enrollment.enrollment where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
