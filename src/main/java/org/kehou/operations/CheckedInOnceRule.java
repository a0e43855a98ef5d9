package org.kehou.operations;

import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.operations.EarlyArrivals.CheckInLine;

/**
 * SCOPE-1: a child is checked in once a day. The record is never changed: a mistake is corrected by a further entry
 * that names the latest one (and says why, see {@link CheckInReasonRule}).
 */
final class CheckedInOnceRule {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private CheckedInOnceRule() {}

    static Verdict check(@Nullable CheckInLine latest, @Nullable UUID corrects, String childName) {
        if (corrects == null) {
            return latest == null || !latest.present()
                    ? Verdict.allowed()
                    : Verdict.refused(
                            "checkin.already",
                            childName,
                            latest.checkedInAt().toLocalTime().format(TIME),
                            latest.staffName());
        }
        if (latest == null) {
            return Verdict.refused("checkin.correction.nothing", childName);
        }
        return latest.id().equals(corrects)
                ? Verdict.allowed()
                : Verdict.refused("checkin.correction.stale", childName);
    }
}
