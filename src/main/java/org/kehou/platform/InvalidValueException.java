package org.kehou.platform;

/** A value type refused its input; the message key says why, in the user's language. */
public class InvalidValueException extends IllegalArgumentException {

    private final String messageKey;

    public InvalidValueException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
