package org.kehou.operations;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.operations.PickupManagement.ReleaseLine;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * OPS-2: a child is handed over once a day. The record is never changed: a mistake is corrected by a further entry
 * that names the latest one and says why.
 */
final class ReleasedOnceRule {

    private ReleasedOnceRule() {}

    static Verdict check(
            @Nullable ReleaseLine latest, @Nullable UUID corrects, @Nullable String note, String childName) {
        if (corrects == null) {
            return latest == null
                    ? Verdict.allowed()
                    : Verdict.refused(
                            "pickup.release.already",
                            childName,
                            latest.releasedAt()
                                    .toLocalTime()
                                    .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")),
                            latest.personName() != null
                                    ? latest.personName()
                                    : new DefaultMessageSourceResolvable(ReleaseTo.ALONE.messageKey()));
        }
        if (latest == null) {
            return Verdict.refused("pickup.correction.nothing", childName);
        }
        if (!latest.id().equals(corrects)) {
            return Verdict.refused("pickup.correction.stale", childName);
        }
        return note == null || note.isBlank() ? Verdict.refused("pickup.correction.noteRequired") : Verdict.allowed();
    }
}
