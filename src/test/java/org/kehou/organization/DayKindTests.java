package org.kehou.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ORG-2: which kinds of calendar day are school days. */
class DayKindTests {

    @Test
    void schoolDaysAndMakeUpDaysAreSchoolDays() {
        assertThat(DayKind.SCHOOL_DAY.isSchoolDay()).isTrue();
        assertThat(DayKind.MAKE_UP_DAY.isSchoolDay()).isTrue();
    }

    @Test
    void weekendsHolidaysAndVacationAreNotSchoolDays() {
        assertThat(DayKind.WEEKEND.isSchoolDay()).isFalse();
        assertThat(DayKind.HOLIDAY.isSchoolDay()).isFalse();
        assertThat(DayKind.VACATION.isSchoolDay()).isFalse();
    }

    @Test
    void namesItsMessageKey() {
        assertThat(DayKind.MAKE_UP_DAY.messageKey()).isEqualTo("day.MAKE_UP_DAY");
    }
}
