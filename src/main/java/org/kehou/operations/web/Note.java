package org.kehou.operations.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.kehou.platform.PlainText;

/**
 * A note of several lines (what a patrol saw, what the staff did): plain text as {@link PlainText} takes it, except
 * that line breaks are kept.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Note.Validator.class)
public @interface Note {

    String message() default "{validation.note}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a note for markup and control characters other than line breaks. */
    class Validator implements ConstraintValidator<Note, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null
                    || PlainText.Validator.isPlain(value.replace("\r\n", "\n").replace('\n', ' '));
        }
    }
}
