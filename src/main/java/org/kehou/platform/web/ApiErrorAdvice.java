package org.kehou.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * API endpoints answer an unknown or out-of-scope id with 404, an unusable parameter, header or body with 400 and a
 * command a rule refuses with 422, all as RFC 9457 problem details in the caller's language; never a stack trace
 * or an HTML page.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
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

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail refused(RuleViolation e, Locale locale) {
        ProblemDetail problem =
                problem(HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage(e.messageKey(), e.arguments(), locale));
        problem.setProperty("rule", e.messageKey());
        return problem;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e, Locale locale) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of(
                        "field",
                        f.getField(),
                        "message",
                        f.getDefaultMessage() == null ? messages.getMessage(f, locale) : f.getDefaultMessage()))
                .toList();
        String first = errors.isEmpty()
                ? messages.getMessage("api.badBody", null, locale)
                : messages.getMessage(
                        "api.badField",
                        new Object[] {errors.get(0).get("field"), errors.get(0).get("message")},
                        locale);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, first);
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpMessageNotReadableException e, Locale locale) {
        String field = null;
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
                field = json.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."));
                break;
            }
        }
        ProblemDetail problem = field == null
                ? problem(HttpStatus.BAD_REQUEST, messages.getMessage("api.badBody", null, locale))
                : problem(HttpStatus.BAD_REQUEST, messages.getMessage("api.badValue", new Object[] {field}, locale));
        if (field != null) {
            problem.setProperty("parameter", field);
        }
        return problem;
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader(MissingRequestHeaderException e, Locale locale) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                messages.getMessage("api.missingHeader", new Object[] {e.getHeaderName()}, locale));
        problem.setProperty("parameter", e.getHeaderName());
        return problem;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedMediaType(Locale locale) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, messages.getMessage("api.jsonExpected", null, locale));
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
