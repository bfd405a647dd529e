package org.boxoffice.platform.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Lets Spring Security's exceptions raised inside a controller (method security) reach its filter chain, which
 * answers 401 or 403 as a problem; the platform's catch-all advice would otherwise turn them into a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityExceptionsAdvice {

    @ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
    void rethrow(RuntimeException exception) {
        throw exception;
    }
}
