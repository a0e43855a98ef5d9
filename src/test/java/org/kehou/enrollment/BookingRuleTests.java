package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.kehou.enrollment.OfferingFitRuleTests.assertRefused;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SCOPE-3: an opening of the child's own school, on a day to come, with a place, booked once. */
class BookingRuleTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    final UUID school = UUID.randomUUID();

    @Test
    void allowsAnOpeningOfTheChildsSchoolFromTomorrowOn() {
        assertThatCode(() -> BookingRule.check(school, school, TODAY.plusDays(1), TODAY))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAnotherSchoolsOpening() {
        assertRefused(
                () -> BookingRule.check(school, UUID.randomUUID(), TODAY.plusDays(3), TODAY), "booking.otherSchool");
    }

    @Test
    void refusesAnOpeningOfTodayOrBefore() {
        assertRefused(() -> BookingRule.check(school, school, TODAY, TODAY), "booking.tooLate");
        assertRefused(() -> BookingRule.check(school, school, TODAY.minusDays(1), TODAY), "booking.tooLate");
    }

    @Test
    void refusesASecondBookingAndAFullOpening() {
        assertThatCode(() -> BookingRule.checkNotBooked(false)).doesNotThrowAnyException();
        assertRefused(() -> BookingRule.checkNotBooked(true), "booking.alreadyBooked");
        assertThatCode(() -> BookingRule.checkPlace(1)).doesNotThrowAnyException();
        assertRefused(() -> BookingRule.checkPlace(0), "booking.full");
    }

    @Test
    void cancelsOnlyUpToTheDayBefore() {
        assertThatCode(() -> BookingRule.checkCancellable(TODAY.plusDays(1), TODAY))
                .doesNotThrowAnyException();
        assertRefused(() -> BookingRule.checkCancellable(TODAY, TODAY), "booking.cancelTooLate");
    }
}
