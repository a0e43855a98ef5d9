package org.kehou.operations;

import java.util.Locale;
import org.kehou.platform.RuleViolation;

/** How a child attended a session (OPS-1): present unless the teacher marks late, absent or excused leave. */
public enum AttendanceMark {
    PRESENT,
    LATE,
    ABSENT,
    LEAVE;

    /** Whether the child was there for the session, so that their homework is recorded too. */
    public boolean attended() {
        return this == PRESENT || this == LATE;
    }

    public String messageKey() {
        return "rollcall.mark." + name();
    }

    /** OPS-1: a mark given as text, as a form or the API sends it; anything else is refused with its value. */
    public static AttendanceMark parse(String value) {
        return SessionMarks.parse(AttendanceMark.class, value, "rollcall.mark.unknown");
    }

    static String normalised(String value) {
        return value.strip().toUpperCase(Locale.ROOT);
    }

    static RuleViolation unknown(String key, String value) {
        return new RuleViolation(key, value.length() > 20 ? value.substring(0, 20) + "…" : value);
    }
}
