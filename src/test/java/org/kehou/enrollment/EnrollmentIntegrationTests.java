package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewFeeNotice;
import org.kehou.catalog.CatalogManagement.NewOffering;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.Slot;
import org.kehou.catalog.VenueKind;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.enrollment.EnrollmentFixtures.Family;
import org.kehou.enrollment.EnrollmentManagement.EnrollChild;
import org.kehou.enrollment.EnrollmentManagement.EnrollmentOutcome;
import org.kehou.enrollment.EnrollmentManagement.EnrollmentSummary;
import org.kehou.enrollment.EnrollmentManagement.NewWindow;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.TermKind;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The enrollment module with the catalog, organization and platform it depends on (ENROL-1..5, CONTENT-1, CONTENT-2,
 * COURSE-3): a guardian registers their own child while a window is open, with consent; a full offering puts the
 * child in line and a withdrawal promotes the first in line; a second offering at the same weekday and slot is
 * refused while slot 1 and slot 2 are separate choices; every refusal changes nothing.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@TestPropertySource(
        properties = {
            "kehou.demo.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:enrollment-module;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
class EnrollmentIntegrationTests {

    static final LocalDateTime EIGHT = LocalDateTime.of(2026, 9, 1, 8, 0);

    @Autowired
    EnrollmentManagement enrollment;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @Autowired
    SeatOffers offers;

    EnrollmentFixtures fixtures;
    Campus campus;

    @BeforeEach
    void campus() {
        clock.set(EIGHT.minusDays(1));
        fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        campus = fixtures.campus(countyAdmin());
    }

    @Test
    void aGuardianRegistersTheirChildAndSeesTheRegistrationWithItsHistory() {
        UUID painting = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 10, 3);
        fixtures.openWindowNow(campus, 5);
        Family family = fixtures.family(campus, 3, 1);

        EnrollmentOutcome outcome =
                enrollment.enroll(family.guardian(), fixtures.consenting(family.child(), painting), key());

        assertThat(outcome.result()).isEqualTo(EnrollmentResult.CONFIRMED);
        assertThat(outcome.position()).isNull();
        assertThat(outcome.replayed()).isFalse();
        List<EnrollmentSummary> mine = enrollment.familyEnrollments(family.guardian());
        assertThat(mine).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(outcome.enrollmentId());
            assertThat(e.childId()).isEqualTo(family.child());
            assertThat(e.status()).isEqualTo(EnrollmentStatus.CONFIRMED);
            assertThat(e.courseName()).startsWith("报名测试课程");
            assertThat(e.weekday()).isEqualTo(DayOfWeek.MONDAY);
        });
        assertThat(history(outcome.enrollmentId())).containsExactly("ENROLLED");
        assertThat(jdbc.sql("select consent_version from enrollment.enrollment where id = :id")
                        .param("id", outcome.enrollmentId())
                        .query(String.class)
                        .single())
                .isEqualTo(enrollment.consentVersion());
        assertThat(enrollment.seats(painting).left()).isEqualTo(9);
    }

    @Test
    void aFullOfferingPutsChildrenInLineAndAWithdrawalPromotesTheFirst() {
        UUID choir = fixtures.offering(campus, DayOfWeek.TUESDAY, Slot.SLOT_2, 1, 3);
        fixtures.openWindowNow(campus, 2);
        Family first = fixtures.family(campus, 3, 1);
        Family second = fixtures.family(campus, 3, 1);
        Family third = fixtures.family(campus, 3, 1);
        Family fourth = fixtures.family(campus, 3, 1);

        EnrollmentOutcome seat = enroll(first, choir);
        EnrollmentOutcome nextInLine = enroll(second, choir);
        EnrollmentOutcome thenInLine = enroll(third, choir);
        EnrollmentOutcome full = enroll(fourth, choir);

        assertThat(seat.result()).isEqualTo(EnrollmentResult.CONFIRMED);
        assertThat(nextInLine.result()).isEqualTo(EnrollmentResult.WAITLISTED);
        assertThat(nextInLine.position()).isEqualTo(1);
        assertThat(thenInLine.position()).isEqualTo(2);
        assertThat(full.result()).isEqualTo(EnrollmentResult.FULL);
        assertThat(full.enrollmentId()).isNull();
        assertThat(enrollment.seats(choir)).satisfies(s -> {
            assertThat(s.left()).isZero();
            assertThat(s.waiting()).isEqualTo(2);
            assertThat(s.waitlistLeft()).isZero();
        });

        var withdrawal = enrollment.withdraw(first.guardian(), seat.enrollmentId());

        assertThat(withdrawal.withdrawn()).isTrue();
        assertThat(withdrawal.promoted()).isEqualTo(nextInLine.enrollmentId());
        assertThat(enrollment.familyEnrollments(second.guardian()))
                .singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(EnrollmentStatus.CONFIRMED));
        assertThat(enrollment.familyEnrollments(third.guardian()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(EnrollmentStatus.WAITLISTED);
                    assertThat(e.position()).isEqualTo(1);
                });
        assertThat(enrollment.familyEnrollments(first.guardian()))
                .singleElement()
                .satisfies(e -> assertThat(e.withdrawnAt()).isNotNull());
        assertThat(history(seat.enrollmentId())).containsExactly("ENROLLED", "WITHDRAWN");
        assertThat(history(nextInLine.enrollmentId())).containsExactly("WAITLISTED", "PROMOTED");
        assertThat(jdbc.sql("select actor from enrollment.enrollment_event where enrollment_id = :id and seq = 2")
                        .param("id", nextInLine.enrollmentId())
                        .query(String.class)
                        .single())
                .isEqualTo(SeatLedger.SYSTEM);
        assertThat(enrollment.seats(choir).waiting()).isEqualTo(1);

        assertThat(enrollment.withdraw(first.guardian(), seat.enrollmentId()).withdrawn())
                .isFalse();
        assertThat(history(seat.enrollmentId())).hasSize(2);
        assertThat(enroll(first, choir).result())
                .as("a withdrawn child may register again, at the end of the line")
                .isEqualTo(EnrollmentResult.WAITLISTED);
    }

    @Test
    void aChildHoldsOneOfferingPerWeekdayAndSlotWhileSlotOneAndSlotTwoAreSeparateChoices() {
        UUID chess = fixtures.offering(campus, DayOfWeek.WEDNESDAY, Slot.SLOT_2, 10, 3);
        UUID football = fixtures.offering(campus, DayOfWeek.WEDNESDAY, Slot.SLOT_2, 10, 3);
        UUID homework = fixtures.offering(campus, DayOfWeek.WEDNESDAY, Slot.SLOT_1, 10, 3);
        UUID thursday = fixtures.offering(campus, DayOfWeek.THURSDAY, Slot.SLOT_2, 10, 3);
        fixtures.openWindowNow(campus, 5);
        Family family = fixtures.family(campus, 3, 2);

        assertThat(enroll(family, chess).result()).isEqualTo(EnrollmentResult.CONFIRMED);
        assertThat(enroll(family, chess).result()).isEqualTo(EnrollmentResult.ALREADY_ENROLLED);
        assertThat(enroll(family, football).result()).isEqualTo(EnrollmentResult.TIME_CONFLICT);
        assertThat(enroll(family, homework).result()).isEqualTo(EnrollmentResult.CONFIRMED);
        assertThat(enroll(family, thursday).result()).isEqualTo(EnrollmentResult.CONFIRMED);
        assertThat(enrollment
                        .enroll(
                                family.guardian(),
                                fixtures.consenting(family.children().get(1), football),
                                key())
                        .result())
                .as("a sibling is a child of their own")
                .isEqualTo(EnrollmentResult.CONFIRMED);
        assertThat(enrollment.seats(football).taken()).isEqualTo(1);
        assertThat(enrollment.seats(chess).taken()).isEqualTo(1);
    }

    @Test
    void nothingIsAcceptedBeforeTheWindowOpensOrAfterItCloses() {
        UUID drawing = fixtures.offering(campus, DayOfWeek.FRIDAY, Slot.SLOT_2, 10, 3);
        Family family = fixtures.family(campus, 3, 1);
        assertRefused(() -> enroll(family, drawing), "window.none");
        fixtures.openWindow(campus, EIGHT, EIGHT.plusHours(4), 5);

        clock.set(EIGHT.minusSeconds(1));
        assertRefused(() -> enroll(family, drawing), "window.notYetOpen");
        clock.set(EIGHT.plusHours(4));
        assertRefused(() -> enroll(family, drawing), "window.closed");
        assertThat(count("select count(*) from enrollment.enrollment where child_id = '" + family.child() + "'"))
                .isZero();

        clock.set(EIGHT);
        assertThat(enroll(family, drawing).result()).isEqualTo(EnrollmentResult.CONFIRMED);
    }

    @Test
    void aCountysWindowGovernsItsSchoolsUnlessASchoolOpensItsOwn() {
        UUID offering = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_1, 10, 3);
        Family family = fixtures.family(campus, 3, 1);
        enrollment.openWindow(
                countyAdmin(),
                new NewWindow(
                        null,
                        campus.schoolYear(),
                        TermKind.AUTUMN,
                        EIGHT.minusDays(2),
                        EIGHT.plusDays(2),
                        Allocation.FIRST_COME,
                        0));
        assertThat(enrollment.seats(offering).waitlistLeft()).isZero();
        fixtures.openWindow(campus, EIGHT, EIGHT.plusHours(1), 3);

        assertRefused(() -> enroll(family, offering), "window.notYetOpen");
        assertRefused(
                () -> fixtures.openWindow(campus, EIGHT.plusMinutes(30), EIGHT.plusHours(2), 3), "window.overlaps");
        assertThat(enrollment.openWindow(
                        campus.admin(),
                        new NewWindow(
                                null,
                                campus.schoolYear(),
                                TermKind.AUTUMN,
                                EIGHT.plusDays(3),
                                EIGHT.plusDays(4),
                                Allocation.LOTTERY,
                                3)))
                .as("a lottery window opens like any other (ADR 0011)")
                .isNotNull();
        Campus other = fixtures.campus(countyAdmin(), campus.schoolYear());
        assertThatThrownBy(() -> enrollment.openWindow(
                        campus.admin(),
                        new NewWindow(
                                other.schoolId(),
                                campus.schoolYear(),
                                TermKind.AUTUMN,
                                EIGHT,
                                EIGHT.plusHours(1),
                                Allocation.FIRST_COME,
                                3)))
                .isInstanceOf(NotFoundException.class);
        assertThat(enrollment.windows(campus.admin()))
                .extracting(EnrollmentManagement.WindowSummary::schoolId)
                .contains(campus.schoolId())
                .containsNull()
                .doesNotContain(other.schoolId());

        clock.set(EIGHT);
        assertThat(enroll(family, offering).result()).isEqualTo(EnrollmentResult.CONFIRMED);
    }

    @Test
    void onlyTheGuardiansOwnChildIsRegisteredAndOnlyWithConsentToTheCurrentText() {
        UUID offering = fixtures.offering(campus, DayOfWeek.TUESDAY, Slot.SLOT_1, 10, 3);
        fixtures.openWindowNow(campus, 5);
        Family family = fixtures.family(campus, 3, 1);
        Family neighbours = fixtures.family(campus, 3, 1);
        UserScope staff = campus.admin();

        assertThatThrownBy(() ->
                        enrollment.enroll(family.guardian(), fixtures.consenting(neighbours.child(), offering), key()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> enrollment.enroll(staff, fixtures.consenting(family.child(), offering), key()))
                .as("a school may invite, never register on a guardian's behalf")
                .isInstanceOf(NotFoundException.class);
        assertRefused(
                () -> enrollment.enroll(
                        family.guardian(),
                        new EnrollChild(family.child(), offering, false, enrollment.consentVersion()),
                        key()),
                "enrollment.consentRequired");
        assertRefused(
                () -> enrollment.enroll(
                        family.guardian(), new EnrollChild(family.child(), offering, true, "2019-1"), key()),
                "enrollment.consentOutdated");
        assertThatThrownBy(() -> enrollment.enroll(
                        family.guardian(), fixtures.consenting(family.child(), UUID.randomUUID()), key()))
                .isInstanceOf(NotFoundException.class);
        assertThat(count("select count(*) from enrollment.enrollment where offering_id = '" + offering + "'"))
                .isZero();
        assertThat(count("select count(*) from enrollment.idempotency_key where account_id = '"
                        + family.guardian().accountId() + "'"))
                .isZero();
    }

    @Test
    void aChildIsRegisteredOnlyForAPublishedOfferingOfTheirGradeAndSchool() {
        UUID fourthGrade = fixtures.offering(campus, DayOfWeek.MONDAY, Slot.SLOT_2, 10, 4);
        fixtures.openWindowNow(campus, 5);
        Family family = fixtures.family(campus, 3, 1);
        Campus other = fixtures.campus(countyAdmin(), campus.schoolYear());
        UUID elsewhere = fixtures.offering(other, DayOfWeek.MONDAY, Slot.SLOT_2, 10, 3);
        fixtures.openWindowNow(other, 5);

        assertRefused(() -> enroll(family, fourthGrade), "enrollment.gradeNotOffered");
        assertRefused(() -> enroll(family, elsewhere), "enrollment.otherSchool");
        Family fourth = fixtures.family(campus, 4, 1);
        UUID cancelled = fixtures.offering(campus, DayOfWeek.TUESDAY, Slot.SLOT_2, 10, 4);
        catalog.cancelOffering(campus.admin(), cancelled, "场地维修");
        assertRefused(() -> enroll(fourth, cancelled), "enrollment.offeringNotOpen");
    }

    @Test
    void aFeeBearingOfferingTakesRegistrationsOnlyOnceItsNoticeHasBeenPublicLongEnough() {
        clock.set(EIGHT.minusDays(20));
        UUID robotics = feeBearingOffering(campus);
        catalog.publishFeeNotice(
                campus.admin(), robotics, new NewFeeNotice("机器人编程课程内容", "每学期 300 元", "材料与课时", "未上课时按比例退费", "洛阳启航培训学校"));
        clock.set(EIGHT.minusDays(15));
        catalog.publishOffering(campus.admin(), robotics);
        catalog.setNoticePeriod(countyAdmin(), campus.countyId(), 30);
        clock.set(EIGHT);
        fixtures.openWindow(campus, EIGHT, EIGHT.plusDays(30), 5);
        Family family = fixtures.family(campus, 3, 1);

        assertRefused(() -> enroll(family, robotics), "notice.periodNotOver");

        clock.set(EIGHT.plusDays(10));
        assertThat(enroll(family, robotics).result()).isEqualTo(EnrollmentResult.CONFIRMED);
        catalog.setNoticePeriod(countyAdmin(), campus.countyId(), 5);
    }

    @Test
    void theSameKeyGetsTheFirstAnswerAgainAndChangesNothingButRefusesAnotherRequest() {
        UUID offering = fixtures.offering(campus, DayOfWeek.THURSDAY, Slot.SLOT_1, 1, 3);
        fixtures.openWindow(campus, EIGHT, EIGHT.plusHours(1), 0);
        clock.set(EIGHT);
        Family family = fixtures.family(campus, 3, 2);
        Family other = fixtures.family(campus, 3, 1);
        String key = key();

        EnrollmentOutcome first =
                enrollment.enroll(family.guardian(), fixtures.consenting(family.child(), offering), key);
        EnrollmentOutcome again =
                enrollment.enroll(family.guardian(), fixtures.consenting(family.child(), offering), key);
        EnrollmentOutcome full = enroll(other, offering);
        String fullKey = key();
        EnrollmentOutcome fullFirst = enrollment.enroll(
                family.guardian(), fixtures.consenting(family.children().get(1), offering), fullKey);
        clock.set(EIGHT.plusHours(2));
        EnrollmentOutcome afterClosing =
                enrollment.enroll(family.guardian(), fixtures.consenting(family.child(), offering), key);
        EnrollmentOutcome fullAgain = enrollment.enroll(
                family.guardian(), fixtures.consenting(family.children().get(1), offering), fullKey);

        assertThat(first.result()).isEqualTo(EnrollmentResult.CONFIRMED);
        assertThat(again)
                .isEqualTo(new EnrollmentOutcome(EnrollmentResult.CONFIRMED, first.enrollmentId(), null, true));
        assertThat(afterClosing).isEqualTo(again);
        assertThat(full.result()).isEqualTo(EnrollmentResult.FULL);
        assertThat(fullFirst.result()).isEqualTo(EnrollmentResult.FULL);
        assertThat(fullAgain).isEqualTo(new EnrollmentOutcome(EnrollmentResult.FULL, null, null, true));
        assertThat(count("select count(*) from enrollment.enrollment where offering_id = '" + offering + "'"))
                .isEqualTo(1);
        assertThat(enrollment.seats(offering).taken()).isEqualTo(1);
        clock.set(EIGHT);
        assertRefused(
                () -> enrollment.enroll(
                        family.guardian(), fixtures.consenting(family.children().get(1), offering), key),
                "idempotency.keyReused");
        assertRefused(
                () -> enrollment.enroll(
                        family.guardian(),
                        new EnrollChild(family.child(), offering, false, enrollment.consentVersion()),
                        key),
                "idempotency.keyReused");
    }

    @Test
    void theHistoryOfARegistrationCannotBeChangedOrRemoved() {
        UUID offering = fixtures.offering(campus, DayOfWeek.FRIDAY, Slot.SLOT_1, 10, 3);
        fixtures.openWindowNow(campus, 5);
        Family family = fixtures.family(campus, 3, 1);
        UUID id = enroll(family, offering).enrollmentId();

        assertThatThrownBy(() -> jdbc.sql(
                                "update enrollment.enrollment_event set actor = 'someone' where enrollment_id = :id")
                        .param("id", id)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from enrollment.enrollment_event where enrollment_id = :id")
                        .param("id", id)
                        .update())
                .hasMessageContaining("append-only");
        assertThat(history(id)).containsExactly("ENROLLED");
    }

    private UUID feeBearingOffering(Campus campus) {
        int n = EnrollmentFixtures.next();
        UUID venue = catalog.addVenue(
                campus.admin(), campus.schoolId(), new NewVenue("收费测试室" + n, VenueKind.SPECIAL_ROOM, 40));
        UUID course = catalog.defineCourse(
                campus.admin(),
                campus.schoolId(),
                new NewCourse(
                        "收费测试课程" + n,
                        CourseCategory.SCIENCE_LITERACY,
                        null,
                        List.of(3),
                        null,
                        null,
                        ProviderKind.INSTITUTION,
                        null,
                        List.of()));
        return catalog.draftOffering(
                campus.admin(),
                campus.schoolId(),
                new NewOffering(
                        course,
                        campus.termId(),
                        DayOfWeek.THURSDAY,
                        Slot.SLOT_2,
                        venue,
                        List.of(UUID.randomUUID()),
                        30,
                        List.of(3),
                        new BigDecimal("300.00"),
                        20,
                        null,
                        null,
                        null,
                        List.of()));
    }

    private EnrollmentOutcome enroll(Family family, UUID offering) {
        return enrollment.enroll(family.guardian(), fixtures.consenting(family.child(), offering), key());
    }

    private List<String> history(UUID enrollmentId) {
        return jdbc.sql("select action from enrollment.enrollment_event where enrollment_id = :id order by seq")
                .param("id", enrollmentId)
                .query(String.class)
                .list();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static String key() {
        return EnrollmentFixtures.key();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        OfferingFitRuleTests.assertRefused(call, key);
    }

    @Test
    void aFreedSeatIsOfferedAndGoesToTheNextInLineWhenTheOfferExpires() {
        UUID chess = fixtures.offering(campus, DayOfWeek.WEDNESDAY, Slot.SLOT_2, 1, 3);
        fixtures.openOfferWindowNow(campus, 5, 24);
        Family first = fixtures.family(campus, 3, 1);
        Family second = fixtures.family(campus, 3, 1);
        Family third = fixtures.family(campus, 3, 1);
        UUID seated = enroll(first, chess).enrollmentId();
        UUID next = enroll(second, chess).enrollmentId();
        UUID then = enroll(third, chess).enrollmentId();

        var withdrawal = enrollment.withdraw(first.guardian(), seated);

        LocalDateTime offeredAt = LocalDateTime.now(clock);
        assertThat(withdrawal.promoted()).isEqualTo(next);
        assertThat(enrollment.familyEnrollments(second.guardian()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(EnrollmentStatus.OFFERED);
                    assertThat(e.offerExpiresAt()).isEqualTo(offeredAt.plusHours(24));
                });
        assertThat(enrollment.seats(chess)).satisfies(s -> {
            assertThat(s.taken()).as("the offer holds the seat").isEqualTo(1);
            assertThat(s.left()).isZero();
            assertThat(s.waiting()).isEqualTo(1);
        });
        assertThat(enroll(fixtures.family(campus, 3, 1), chess).result())
                .as("a newcomer cannot take the seat held for the first in line")
                .isEqualTo(EnrollmentResult.WAITLISTED);
        assertThatThrownBy(() -> enrollment.acceptOffer(third.guardian(), next))
                .as("another family's offer is not found")
                .isInstanceOf(NotFoundException.class);
        assertRefused(() -> enrollment.acceptOffer(third.guardian(), then), "enrollment.notOffered");

        clock.advance(java.time.Duration.ofHours(23));
        offers.expireDue();
        assertThat(status(next)).as("not expired before its time").isEqualTo("OFFERED");

        clock.advance(java.time.Duration.ofHours(1));
        assertRefused(() -> enrollment.acceptOffer(second.guardian(), next), "enrollment.offerExpired");
        assertThat(status(next)).as("a refused acceptance changes nothing").isEqualTo("OFFERED");
        offers.expireDue();

        assertThat(status(next)).isEqualTo("WITHDRAWN");
        assertThat(enrollment.familyEnrollments(third.guardian()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(EnrollmentStatus.OFFERED);
                    assertThat(e.offerExpiresAt())
                            .isEqualTo(LocalDateTime.now(clock).plusHours(24));
                });
        assertThat(offers.expireDue()).as("nothing more has expired").isZero();

        enrollment.acceptOffer(third.guardian(), then);

        assertThat(status(then)).isEqualTo("CONFIRMED");
        assertThat(enrollment.seats(chess).taken()).isEqualTo(1);
        assertThat(actions(next)).containsExactly("WAITLISTED", "OFFERED", "EXPIRED");
        assertThat(actions(then)).containsExactly("WAITLISTED", "OFFERED", "ACCEPTED");
        assertRefused(() -> enrollment.acceptOffer(third.guardian(), then), "enrollment.notOffered");
    }

    @Test
    void aDeclinedOfferGoesToTheNextInLineAndOnlyAnOfferCanBeDeclined() {
        UUID drums = fixtures.offering(campus, DayOfWeek.THURSDAY, Slot.SLOT_1, 1, 3);
        fixtures.openOfferWindowNow(campus, 5, 2);
        Family first = fixtures.family(campus, 3, 1);
        Family second = fixtures.family(campus, 3, 1);
        Family third = fixtures.family(campus, 3, 1);
        UUID seated = enroll(first, drums).enrollmentId();
        UUID next = enroll(second, drums).enrollmentId();
        UUID then = enroll(third, drums).enrollmentId();
        assertRefused(() -> enrollment.declineOffer(first.guardian(), seated), "enrollment.notOffered");
        enrollment.withdraw(first.guardian(), seated);
        assertThatThrownBy(() -> enrollment.declineOffer(third.guardian(), next))
                .isInstanceOf(NotFoundException.class);

        var declined = enrollment.declineOffer(second.guardian(), next);

        assertThat(declined.promoted()).isEqualTo(then);
        assertThat(status(next)).isEqualTo("WITHDRAWN");
        assertThat(status(then)).isEqualTo("OFFERED");
        assertThat(actions(next)).containsExactly("WAITLISTED", "OFFERED", "DECLINED");
        assertThat(enrollment.seats(drums).taken()).isEqualTo(1);

        enrollment.declineOffer(third.guardian(), then);
        assertThat(enrollment.seats(drums).taken())
                .as("nobody left in line: the seat is free")
                .isZero();
    }

    @Test
    void aWindowOffersSeatsForOneToSeventyTwoHoursAndARefusalOpensNothing() {
        long before = jdbc.sql("select count(*) from enrollment.registration_window")
                .query(Long.class)
                .single();
        LocalDateTime now = LocalDateTime.now(clock);
        for (Integer hours : new Integer[] {null, 0, 73}) {
            assertRefused(
                    () -> enrollment.openWindow(
                            campus.admin(),
                            new NewWindow(
                                    null,
                                    campus.schoolYear(),
                                    TermKind.AUTUMN,
                                    now,
                                    now.plusHours(2),
                                    Allocation.FIRST_COME,
                                    5,
                                    Promotion.OFFER,
                                    hours)),
                    "window.offerHours");
        }
        assertThat(jdbc.sql("select count(*) from enrollment.registration_window")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    private String status(UUID enrollmentId) {
        return jdbc.sql("select status from enrollment.enrollment where id = :id")
                .param("id", enrollmentId)
                .query(String.class)
                .single();
    }

    private List<String> actions(UUID enrollmentId) {
        return jdbc.sql("select action from enrollment.enrollment_event where enrollment_id = :id order by seq")
                .param("id", enrollmentId)
                .query(String.class)
                .list();
    }

    private UserScope countyAdmin() {
        UUID county = jdbc.sql("select id from organization.county where code = '419931'")
                .query(UUID.class)
                .optional()
                .orElseGet(() -> {
                    UUID city = UUID.randomUUID();
                    jdbc.sql("insert into organization.city (id, version, code, name, name_en)"
                                    + " values (:id, 0, '419900', '测试市', 'Test')")
                            .param("id", city)
                            .update();
                    UUID id = UUID.randomUUID();
                    jdbc.sql("insert into organization.county (id, version, city_id, code, name, name_en, kind,"
                                    + " sort_order) values (:id, 0, :city, '419931', '报名测试区', 'Test', 'DISTRICT', 0)")
                            .param("id", id)
                            .param("city", city)
                            .update();
                    return id;
                });
        return new UserScope(
                UUID.randomUUID(), "报名测试区教育局", EnumSet.of(Role.COUNTY_ADMIN), county, null, null, null, null);
    }

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(LocalDate.of(2026, 8, 31).atTime(8, 0));
        }
    }
}
