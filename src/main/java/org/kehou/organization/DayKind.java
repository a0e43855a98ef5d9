package org.kehou.organization;

/** What a day of the school calendar is. */
public enum DayKind {
    /** A weekday inside a term. */
    SCHOOL_DAY,
    /** A weekend day. */
    WEEKEND,
    /** A public holiday or day off inside a term. */
    HOLIDAY,
    /** A weekend day worked in place of a holiday (调休补课日). */
    MAKE_UP_DAY,
    /** Outside both terms: winter or summer vacation (寒暑假). */
    VACATION;

    public boolean isSchoolDay() {
        return this == SCHOOL_DAY || this == MAKE_UP_DAY;
    }

    public String messageKey() {
        return "day." + name();
    }
}
