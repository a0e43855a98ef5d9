package org.kehou.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.platform.RuleViolation;

class PatrolTests {

    static final LocalDateTime AT = LocalDateTime.of(2026, 12, 2, 16, 40);

    @Test
    void anIssueOpensAFollowUpThatIsResolvedOnce() {
        Patrol patrol = patrol(Set.of(PatrolIssue.NO_EXERCISE), "通知任课老师", List.of());
        assertThat(patrol.followUpStatus()).isEqualTo(FollowUpStatus.OPEN);
        assertRefused(() -> patrol.resolve(" ", "管理员", AT), "patrol.resolution.required");
        patrol.resolve("已补上二十分钟跳绳", "管理员", AT.plusDays(1));
        assertThat(patrol.followUpStatus()).isEqualTo(FollowUpStatus.RESOLVED);
        assertRefused(() -> patrol.resolve("再次", "管理员", AT), "patrol.notOpen");
    }

    @Test
    void aPatrolWithoutFollowUpHasNothingToResolve() {
        Patrol patrol = patrol(Set.of(), null, List.of());
        assertThat(patrol.followUpStatus()).isEqualTo(FollowUpStatus.NONE);
        assertThat(patrol.onDate()).isEqualTo(AT.toLocalDate());
        assertRefused(() -> patrol.resolve("无", "管理员", AT), "patrol.notOpen");
    }

    @Test
    void refusesAnIssueWithoutFollowUpAndAFourthPhoto() {
        assertRefused(() -> patrol(Set.of(PatrolIssue.SAFETY_PROBLEM), " ", List.of()), "patrol.followUp.required");
        List<UUID> four = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        assertRefused(() -> patrol(Set.of(), null, four), "patrol.photos.tooMany");
        assertRefused(
                () -> Patrol.record(
                        id(), id(), id(), AT, null, null, "操场", " ", Set.of(), null, List.of(), id(), "管理员", AT),
                "patrol.observed.required");
    }

    private static Patrol patrol(Set<PatrolIssue> issues, String followUp, List<UUID> photos) {
        return Patrol.record(
                id(), id(), id(), AT, null, null, "操场", "学生在跑步", issues, followUp, photos, id(), "管理员", AT);
    }

    private static UUID id() {
        return UUID.randomUUID();
    }

    private static void assertRefused(Runnable command, String key) {
        assertThatThrownBy(command::run)
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
