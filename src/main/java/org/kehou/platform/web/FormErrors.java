package org.kehou.platform.web;

import org.kehou.platform.InvalidValueException;
import org.kehou.platform.RuleViolation;
import org.springframework.validation.BindingResult;

/**
 * Turns refusals of value types and rules into errors beside the form's fields, in the user's language, so a
 * form never answers bad input with an error page.
 */
public final class FormErrors {

    private FormErrors() {}

    /** Parses a field with a value type; on refusal records the reason against the field and returns null. */
    public static <T> T parse(BindingResult result, String field, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidValueException e) {
            if (!result.hasFieldErrors(field)) {
                result.rejectValue(field, e.messageKey());
            }
            return null;
        }
    }

    /** Runs a command; a rule's refusal becomes a form-wide error. Returns whether it succeeded. */
    public static boolean attempt(BindingResult result, Runnable command) {
        try {
            command.run();
            return true;
        } catch (RuleViolation e) {
            result.reject(e.messageKey(), e.arguments(), e.messageKey());
            return false;
        }
    }

    /** As {@link #attempt(BindingResult, Runnable)}, recording the refusal against one field. */
    public static boolean attempt(BindingResult result, String field, Runnable command) {
        try {
            command.run();
            return true;
        } catch (RuleViolation e) {
            result.rejectValue(field, e.messageKey(), e.arguments(), e.messageKey());
            return false;
        }
    }
}
