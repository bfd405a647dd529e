package org.boxoffice.user.system;

import org.boxoffice.platform.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** {@link PasswordHashingBusy} from any endpoint (login, registration, password change): 429 with Retry-After. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PasswordHashingBusyHandler {

    @ExceptionHandler(PasswordHashingBusy.class)
    ResponseEntity<ProblemDetail> busy(PasswordHashingBusy busy) {
        return ResponseEntity.status(429).header(HttpHeaders.RETRY_AFTER, Long.toString(busy.retryAfterSeconds()))
                .body(Problems.of(busy));
    }
}
