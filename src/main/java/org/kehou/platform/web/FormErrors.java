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

    /**
     * As {@link #attempt(BindingResult, Runnable)}, recording the refusal beside the field its message key concerns:
     * the longest key prefix that matches names the candidate fields, and the first of them the form has gets the
     * error; a refusal no prefix matches, or whose fields the form lacks, is shown above the form.
     */
    public static boolean attempt(
            BindingResult result, java.util.Map<String, java.util.List<String>> fieldsByKeyPrefix, Runnable command) {
        try {
            command.run();
            return true;
        } catch (RuleViolation e) {
            String field = fieldsByKeyPrefix.entrySet().stream()
                    .filter(f -> e.messageKey().startsWith(f.getKey()))
                    .max(java.util.Comparator.comparingInt(f -> f.getKey().length()))
                    .flatMap(f -> f.getValue().stream()
                            .filter(c -> hasField(result, c))
                            .findFirst())
                    .orElse(null);
            if (field == null) {
                result.reject(e.messageKey(), e.arguments(), e.messageKey());
            } else {
                result.rejectValue(field, e.messageKey(), e.arguments(), e.messageKey());
            }
            return false;
        }
    }

    private static boolean hasField(BindingResult result, String field) {
        return result.getTarget() != null
                && org.springframework.beans.BeanUtils.getPropertyDescriptor(
                                result.getTarget().getClass(), field)
                        != null;
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
