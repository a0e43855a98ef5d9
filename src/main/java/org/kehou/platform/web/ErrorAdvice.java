package org.kehou.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.kehou.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Pages answer an unknown or out-of-scope id, or a malformed one, with the 404 page; never a stack trace. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ErrorAdvice {

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model, HttpServletResponse response) {
        model.addAttribute("status", 404);
        return "error/404";
    }
}
