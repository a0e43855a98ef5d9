package org.kehou.enrollment;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import org.kehou.platform.RuleViolation;

/**
 * ENROL-2: the server accepts a registration only while a window of the offering's school and term is open by
 * the injected clock, from its opening minute (inclusive) to its closing minute (exclusive): nothing before, nothing
 * after. A school's own windows for a term replace its county's.
 */
final class RegistrationWindowRule {

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private RegistrationWindowRule() {}

    /** The windows that govern a school's term: its own if it has any, else its county's. */
    static List<RegistrationWindow> governing(List<RegistrationWindow> windows) {
        List<RegistrationWindow> own =
                windows.stream().filter(w -> w.schoolId() != null).toList();
        return own.isEmpty()
                ? windows.stream().filter(w -> w.schoolId() == null).toList()
                : own;
    }

    /** The window open at this moment, or the refusal naming when registration opens or when it closed. */
    static RegistrationWindow openAt(List<RegistrationWindow> windows, LocalDateTime now) {
        List<RegistrationWindow> governing = governing(windows);
        if (governing.isEmpty()) {
            throw new RuleViolation("window.none");
        }
        for (RegistrationWindow w : governing) {
            if (w.isOpenAt(now)) {
                return w;
            }
        }
        var next = governing.stream()
                .filter(w -> w.opensAt().isAfter(now))
                .min(Comparator.comparing(RegistrationWindow::opensAt));
        if (next.isPresent()) {
            throw new RuleViolation(
                    "window.notYetOpen", MINUTE.format(next.get().opensAt()));
        }
        var last = governing.stream()
                .map(RegistrationWindow::closesAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        throw new RuleViolation("window.closed", MINUTE.format(last));
    }
}
