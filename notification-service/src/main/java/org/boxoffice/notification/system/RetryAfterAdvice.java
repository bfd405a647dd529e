package org.boxoffice.notification.system;

import org.boxoffice.notification.preference.PhoneVerificationProblem;
import org.boxoffice.platform.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A phone verification problem as a problem response; one that asks the caller to wait says for how long. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RetryAfterAdvice {

    @ExceptionHandler(PhoneVerificationProblem.class)
    ResponseEntity<ProblemDetail> phoneVerification(PhoneVerificationProblem problem) {
        ProblemDetail body = Problems.of(problem);
        var response = ResponseEntity.status(body.getStatus());
        if (problem.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
        }
        return response.body(body);
    }
}
