package org.boxoffice.user.verification.web;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.boxoffice.platform.problem.Problems;
import org.boxoffice.platform.security.CurrentUser;
import org.boxoffice.user.verification.EmailVerification;
import org.boxoffice.user.verification.EmailVerificationProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller verifies their account's email address with a code mailed to it. */
@Tag(name = "Accounts")
@RestController
@RequestMapping("/api/v1/users/me/email-verification")
class EmailVerificationController {

    private final EmailVerification verification;

    EmailVerificationController(EmailVerification verification) {
        this.verification = verification;
    }

    record StateResponse(String email, boolean verified, @Nullable Instant verifiedAt) {

        static StateResponse of(EmailVerification.State state) {
            return new StateResponse(state.email(), state.verifiedAt() != null, state.verifiedAt());
        }
    }

    record CodeSentResponse(String email, Instant expiresAt) {
    }

    record ConfirmRequest(@NotNull @Pattern(regexp = "\\d{6}", message = "must be the 6-digit code") String code) {
    }

    @GetMapping
    @Operation(operationId = "getEmailVerification", summary = "Whether the caller's email address is verified")
    StateResponse state(CurrentUser user) {
        return StateResponse.of(verification.state(user.id()));
    }

    /** Mails a 6-digit code to the account's address; 202, since the mail goes out after the answer. */
    @PostMapping
    @Operation(operationId = "requestEmailVerificationCode", summary = "Mail a 6-digit code to the caller's address",
            description = "Accepted: the mail goes out after the answer.")
    @ApiResponse(responseCode = "202", description = "A code is on its way")
    @ApiResponse(responseCode = "409", description = "`email-already-verified`.")
    @ApiResponse(responseCode = "429", description = "`too-many-verification-codes`: retry after `Retry-After`.")
    ResponseEntity<CodeSentResponse> requestCode(CurrentUser user) {
        EmailVerification.CodeSent sent = verification.requestCode(user.id());
        return ResponseEntity.accepted().body(new CodeSentResponse(sent.email(), sent.expiresAt()));
    }

    @PostMapping("/confirm")
    @Operation(operationId = "confirmEmail", summary = "Confirm the caller's email address with the code it received")
    @ApiResponse(responseCode = "200", description = "The address is verified")
    @ApiResponse(responseCode = "422", description = "`invalid-verification-code` or `verification-code-expired`.")
    StateResponse confirm(CurrentUser user, @Valid @RequestBody ConfirmRequest request) {
        return StateResponse.of(verification.confirm(user.id(), request.code()));
    }

    @ExceptionHandler(EmailVerificationProblem.class)
    ResponseEntity<ProblemDetail> problem(EmailVerificationProblem problem) {
        ProblemDetail body = Problems.of(problem);
        var response = ResponseEntity.status(body.getStatus());
        if (problem.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
        }
        return response.body(body);
    }
}
