package org.kehou.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kehou.operations.VerdictAssertions.assertAllowed;
import static org.kehou.operations.VerdictAssertions.assertRefused;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.Slot;
import org.kehou.platform.Role;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;

/** The rules of roll call, homework completion and leave (OPS-1, CONTENT-5), each alone. */
class SessionRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void aChildSavedOnlyWithTheDefaultShowsNoHistoryAndTheSheetSaysWhenItWasLastSaved() {
        LocalDateTime first = LocalDateTime.of(2026, 12, 2, 15, 0);
        Sessions.EntryLine present = new Sessions.EntryLine(1, "PRESENT", null, first, "甲老师", 1);
        Sessions.EntryLine absent = new Sessions.EntryLine(1, "ABSENT", null, first.plusMinutes(1), "甲老师", 2);
        Sessions.EntryLine back = new Sessions.EntryLine(2, "PRESENT", "来了", first.plusMinutes(30), "乙老师", 3);

        assertThat(line("PRESENT", List.of()).historyShown()).isFalse();
        assertThat(line("PRESENT", List.of(present)).historyShown()).isFalse();
        assertThat(line("PRESENT", List.of(absent)).historyShown()).isTrue();
        assertThat(line("PRESENT", List.of(absent, back)).historyShown()).isTrue();
        // a leave reported by the guardian is that child's default
        assertThat(line("LEAVE", List.of(new Sessions.EntryLine(1, "LEAVE", null, first, "甲老师", 4)))
                        .historyShown())
                .isFalse();

        Sessions.SessionSheet sheet = new Sessions.SessionSheet(
                UUID.randomUUID(),
                "课后作业辅导",
                Slot.SLOT_1,
                TODAY,
                SessionKind.ROLL_CALL,
                false,
                List.of(line("PRESENT", List.of(present)), line("PRESENT", List.of(absent, back))));
        assertThat(sheet.lastSaved()).isEqualTo(back);
        Sessions.SessionSheet unsaved = new Sessions.SessionSheet(
                UUID.randomUUID(),
                "课后作业辅导",
                Slot.SLOT_1,
                TODAY,
                SessionKind.ROLL_CALL,
                false,
                List.of(line("PRESENT", List.of())));
        assertThat(unsaved.lastSaved()).isNull();
    }

    private static Sessions.ChildLine line(String defaultMark, List<Sessions.EntryLine> entries) {
        return new Sessions.ChildLine(
                UUID.randomUUID(),
                "某同学",
                3,
                UUID.randomUUID(),
                "3班",
                defaultMark,
                entries.isEmpty() ? defaultMark : entries.getLast().mark(),
                null,
                entries);
    }

    @Test
    void aSessionHasTheSameIdInTheAuditTrailAsANameBasedUuidOfItsOfferingAndDay() {
        for (int i = 0; i < 50; i++) {
            UUID offering = UUID.randomUUID();
            LocalDate day = TODAY.minusDays(i);
            assertThat(Sessions.sessionId(offering, day))
                    .isEqualTo(UUID.nameUUIDFromBytes(
                            (offering + "|" + day).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .isEqualTo(Sessions.sessionId(offering, day));
        }
        assertThat(Sessions.sessionId(UUID.randomUUID(), TODAY))
                .isNotEqualTo(Sessions.sessionId(UUID.randomUUID(), TODAY));
    }

    @Nested
    class SessionDate {

        @Test
        void refusesASessionStillToCome() {
            assertRefused(SessionDateRule.check(TODAY.plusDays(1), TODAY), "session.date.future", "2026-12-03");
        }

        @Test
        void takesTodayAndDaysPast() {
            assertAllowed(SessionDateRule.check(TODAY, TODAY));
            assertAllowed(SessionDateRule.check(TODAY.minusDays(30), TODAY));
        }
    }

    @Nested
    class SessionDay {

        @Test
        void refusesADayThatIsNotASchoolDayOfTheTerm() {
            assertRefused(SessionDayRule.check(TODAY, DayOfWeek.WEDNESDAY, false), "session.day.none", "2026-12-02");
        }

        @Test
        void refusesAnotherWeekday() {
            assertRefused(SessionDayRule.check(TODAY.plusDays(1), DayOfWeek.WEDNESDAY, true), "session.day.none");
        }

        @Test
        void takesASchoolDayOnTheOfferingsWeekday() {
            assertAllowed(SessionDayRule.check(TODAY, DayOfWeek.WEDNESDAY, true));
        }
    }

    @Nested
    class CorrectionReason {

        @Test
        void refusesACorrectionAfterTheDayWithoutAReason() {
            assertRefused(
                    CorrectionReasonRule.check(TODAY.minusDays(1), TODAY, null),
                    "session.reason.required",
                    "2026-12-01");
            assertRefused(CorrectionReasonRule.check(TODAY.minusDays(1), TODAY, "   "), "session.reason.required");
        }

        @Test
        void refusesAReasonTooLong() {
            assertRefused(CorrectionReasonRule.check(TODAY, TODAY, "理".repeat(201)), "session.reason.tooLong", 200);
        }

        @Test
        void takesASaveOnTheDayWithoutReasonAndACorrectionWithOne() {
            assertAllowed(CorrectionReasonRule.check(TODAY, TODAY, null));
            assertAllowed(CorrectionReasonRule.check(TODAY.minusDays(3), TODAY, "家长补交病假条"));
            assertAllowed(CorrectionReasonRule.check(TODAY.minusDays(3), TODAY, "理".repeat(200)));
        }
    }

    @Nested
    class RegisteredChild {

        @Test
        void refusesAChildNotRegistered() {
            UUID registered = UUID.randomUUID();
            UUID stranger = UUID.randomUUID();
            assertRefused(
                    RegisteredChildRule.check(List.of(registered, stranger), Set.of(registered)),
                    "session.child.notRegistered",
                    stranger.toString());
        }

        @Test
        void takesRegisteredChildren() {
            UUID registered = UUID.randomUUID();
            assertAllowed(RegisteredChildRule.check(List.of(registered), Set.of(registered)));
            assertAllowed(RegisteredChildRule.check(List.of(), Set.of(registered)));
        }
    }

    @Nested
    class HomeworkSlot {

        @Test
        void refusesHomeworkOutsideSlotOne() {
            assertRefused(HomeworkSlotRule.check(Slot.SLOT_2), "homework.slot.notSlotOne");
            assertRefused(HomeworkSlotRule.check(Slot.EVENING), "homework.slot.notSlotOne");
        }

        @Test
        void takesSlotOne() {
            assertAllowed(HomeworkSlotRule.check(Slot.SLOT_1));
        }
    }

    @Nested
    class Marks {

        @Test
        void readsEveryMarkWhateverItsCase() {
            assertThat(AttendanceMark.parse("late")).isEqualTo(AttendanceMark.LATE);
            assertThat(AttendanceMark.parse(" LEAVE ")).isEqualTo(AttendanceMark.LEAVE);
            assertThat(HomeworkMark.parse("mostly_done")).isEqualTo(HomeworkMark.MOSTLY_DONE);
        }

        @Test
        void refusesAnUnknownMarkNamingIt() {
            assertThatThrownBy(() -> AttendanceMark.parse("SICK")).isInstanceOfSatisfying(RuleViolation.class, e -> {
                assertThat(e.messageKey()).isEqualTo("rollcall.mark.unknown");
                assertThat(e.arguments()).containsExactly("SICK");
            });
            assertThatThrownBy(() -> AttendanceMark.parse("DONE"))
                    .isInstanceOfSatisfying(
                            RuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo("rollcall.mark.unknown"));
            assertThatThrownBy(() -> HomeworkMark.parse("LATE"))
                    .isInstanceOfSatisfying(
                            RuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo("homework.mark.unknown"));
        }
    }

    @Nested
    class SessionStaff {

        final UUID school = UUID.randomUUID();
        final UUID staff = UUID.randomUUID();

        UserScope teacher(UUID schoolId, UUID staffId) {
            return new UserScope(
                    UUID.randomUUID(),
                    "老师",
                    EnumSet.of(Role.TEACHER),
                    UUID.randomUUID(),
                    schoolId,
                    staffId,
                    null,
                    null);
        }

        @Test
        void letsAnInstructorOfTheOfferingAndTheSchoolsAdminServe() {
            assertThat(SessionStaffRule.serves(teacher(school, staff), school, List.of(staff)))
                    .isTrue();
            UserScope admin = new UserScope(
                    UUID.randomUUID(),
                    "管理员",
                    EnumSet.of(Role.SCHOOL_ADMIN),
                    UUID.randomUUID(),
                    school,
                    null,
                    null,
                    null);
            assertThat(SessionStaffRule.serves(admin, school, List.of())).isTrue();
        }

        @Test
        void refusesATeacherWhoDoesNotTeachTheOffering() {
            assertThat(SessionStaffRule.serves(teacher(school, UUID.randomUUID()), school, List.of(staff)))
                    .isFalse();
            assertThat(SessionStaffRule.serves(teacher(UUID.randomUUID(), staff), school, List.of(staff)))
                    .isFalse();
            UserScope otherAdmin = new UserScope(
                    UUID.randomUUID(),
                    "管理员",
                    EnumSet.of(Role.SCHOOL_ADMIN),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    null,
                    null,
                    null);
            assertThat(SessionStaffRule.serves(otherAdmin, school, List.of(staff)))
                    .isFalse();
        }
    }

    @Nested
    class LeaveDate {

        @Test
        void refusesLeaveForTodayOrADayPast() {
            assertRefused(LeaveDateRule.check(TODAY, TODAY), "leave.date.notAhead", "2026-12-02");
            assertRefused(LeaveDateRule.check(TODAY.minusDays(1), TODAY), "leave.date.notAhead");
        }

        @Test
        void refusesLeaveTooFarAhead() {
            assertRefused(LeaveDateRule.check(TODAY.plusDays(61), TODAY), "leave.date.tooFar", 60);
        }

        @Test
        void takesADayToCome() {
            assertAllowed(LeaveDateRule.check(TODAY.plusDays(1), TODAY));
            assertAllowed(LeaveDateRule.check(TODAY.plusDays(60), TODAY));
        }
    }
}
