package org.kehou.platform;

import java.util.Arrays;

/**
 * A business rule refused a command. Carries a message key and its arguments so the refusal reaches the user in
 * their language; answered with 422 by the API and shown beside the form by pages.
 */
public class RuleViolation extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    public RuleViolation(String messageKey, Object... arguments) {
        super(messageKey + Arrays.toString(arguments));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
