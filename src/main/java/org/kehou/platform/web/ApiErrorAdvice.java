package org.kehou.platform.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.kehou.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * API endpoints answer an unknown or out-of-scope id with 404 and an unusable parameter with 400, both as RFC 9457
 * problem details in the caller's language; never a stack trace or an HTML page.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorAdvice {

    private final MessageSource messages;

    ApiErrorAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(Locale locale) {
        return problem(HttpStatus.NOT_FOUND, messages.getMessage("api.notFound", null, locale));
    }

    @ExceptionHandler(BadParameterException.class)
    ProblemDetail badParameter(BadParameterException e, Locale locale) {
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, messages.getMessage(e.messageKey(), e.arguments(), locale));
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e, Locale locale) {
        Class<?> type = e.getRequiredType();
        String detail;
        if (type != null && type.isEnum()) {
            String allowed = Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            detail = messages.getMessage("api.badChoice", new Object[] {e.getName(), allowed}, locale);
        } else if (type == java.util.UUID.class) {
            detail = messages.getMessage("api.badId", new Object[] {e.getName()}, locale);
        } else {
            detail = messages.getMessage("api.badValue", new Object[] {e.getName()}, locale);
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("parameter", e.getName());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
