package org.kehou.operations;

import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.RuleViolation;

/** What an operations rule says: allowed, or refused with a message key and its arguments. */
record Verdict(@Nullable String messageKey, List<Object> arguments) {

    static final Verdict ALLOWED = new Verdict(null, List.of());

    static Verdict allowed() {
        return ALLOWED;
    }

    static Verdict refused(String messageKey, Object... arguments) {
        return new Verdict(messageKey, List.of(arguments));
    }

    boolean isAllowed() {
        return messageKey == null;
    }

    /** Throws the refusal as a {@link RuleViolation}; does nothing when allowed. */
    void enforce() {
        if (messageKey != null) {
            throw new RuleViolation(messageKey, arguments.toArray());
        }
    }

    /** This verdict when refused, else the next one. */
    Verdict and(Supplier<Verdict> next) {
        return isAllowed() ? next.get() : this;
    }
}
