package org.kehou.catalog.web;

import java.util.Locale;
import org.kehou.platform.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;

/**
 * The catalog's API writes answer a rule's refusal with 422, and a malformed body, a value of the wrong type, a
 * missing or invalid field or an unknown property with 400, all as problem details in the caller's language that
 * name the rule's message or the field (a {@code field} property); it comes before the platform's API advice
 * for this controller.
 */
@RestControllerAdvice(assignableTypes = OfferingApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogApiErrors {

    private final MessageSource messages;

    CatalogApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail refused(RuleViolation e, Locale locale) {
        ProblemDetail problem =
                problem(HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage(e.messageKey(), e.arguments(), locale));
        problem.setProperty("rule", e.messageKey());
        return problem;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e, Locale locale) {
        FieldError error = e.getBindingResult().getFieldErrors().stream()
                .sorted(java.util.Comparator.comparing(FieldError::getField))
                .findFirst()
                .orElse(null);
        if (error == null) {
            return problem(HttpStatus.BAD_REQUEST, messages.getMessage("catalogApi.unreadable", null, locale));
        }
        String field = error.getField().replaceAll("\\[\\d+]$", "");
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                messages.getMessage(
                        "catalogApi.invalidField", new Object[] {field, messages.getMessage(error, locale)}, locale));
        problem.setProperty("field", field);
        return problem;
    }

    @ExceptionHandler(OfferingApiController.UnknownPropertyException.class)
    ProblemDetail unknown(OfferingApiController.UnknownPropertyException e, Locale locale) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                messages.getMessage("catalogApi.unknownField", new Object[] {e.property()}, locale));
        problem.setProperty("field", e.property());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, Locale locale) {
        if (e.getCause() instanceof JacksonException json) {
            String field = json.getPath().stream()
                    .map(JacksonException.Reference::getPropertyName)
                    .filter(java.util.Objects::nonNull)
                    .reduce((a, b) -> a + "." + b)
                    .orElse(null);
            if (field != null) {
                ProblemDetail problem = problem(
                        HttpStatus.BAD_REQUEST,
                        messages.getMessage("catalogApi.badField", new Object[] {field}, locale));
                problem.setProperty("field", field);
                return problem;
            }
        }
        return problem(HttpStatus.BAD_REQUEST, messages.getMessage("catalogApi.unreadable", null, locale));
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
