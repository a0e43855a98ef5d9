package org.kehou.platform.web;

/** A query parameter of an API request that cannot be used; answered with a 400 problem detail naming it. */
public class BadParameterException extends RuntimeException {

    private final String parameter;
    private final String messageKey;
    private final Object[] arguments;

    public BadParameterException(String parameter, String messageKey, Object... arguments) {
        super(parameter + ": " + messageKey);
        this.parameter = parameter;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String parameter() {
        return parameter;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
