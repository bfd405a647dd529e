package org.boxoffice.user.auth.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.boxoffice.user.auth.AuthService;
import org.boxoffice.user.auth.LoginThrottled;
import org.boxoffice.user.auth.TokenPair;
import org.boxoffice.platform.problem.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Login, token refresh and logout. Responses carrying tokens are never cached. */
@Tag(name = "Authentication", description = "Access and refresh tokens")
@RestController
class AuthController {

    private final AuthService auth;
    private final ClientAddresses clients;

    AuthController(AuthService auth, ClientAddresses clients) {
        this.auth = auth;
        this.clients = clients;
    }

    /** The failed-login throttle counts per (account, client) and per client: the client the gateway vouches for. */
    @PostMapping("/api/v1/auth/login")
    @Operation(operationId = "login", summary = "Log in: an access token (15 minutes) and a refresh token",
            description = "Failed logins are throttled per account and client.")
    @ApiResponse(responseCode = "200", description = "The tokens (never cached)")
    @ApiResponse(responseCode = "401", description = "`invalid-credentials`: wrong email or password.")
    @ApiResponse(responseCode = "429", description = "`login-throttled`, or `too-many-requests` (password hashing is busy): retry after `Retry-After`.")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return tokens(auth.login(request.email(), request.password(), clients.limitKey(http)));
    }

    @PostMapping("/api/v1/auth/refresh")
    @Operation(operationId = "refreshTokens", summary = "Exchange a refresh token for a new token pair",
            description = "Each refresh token works once.")
    @ApiResponse(responseCode = "200", description = "The new tokens (never cached)")
    @ApiResponse(responseCode = "401", description = "`invalid-refresh-token` (unknown or expired) or `refresh-token-reused` (the session is ended).")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return tokens(auth.refresh(request.refreshToken()));
    }

    @PostMapping("/api/v1/auth/logout")
    @Operation(operationId = "logout", summary = "Log out: end the session of this refresh token")
    @ApiResponse(responseCode = "204", description = "Logged out (also when the session had ended)")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request) {
        auth.logout(request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(LoginThrottled.class)
    ResponseEntity<ProblemDetail> throttled(LoginThrottled throttled) {
        return ResponseEntity.status(429)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()))
                .body(Problems.of(throttled));
    }

    private static ResponseEntity<TokenResponse> tokens(TokenPair pair) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new TokenResponse(pair.accessToken(),
                "Bearer", pair.expiresIn(), pair.refreshToken(), pair.refreshExpiresIn()));
    }

    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 1024) String password) {
    }

    record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
            long refreshExpiresIn) {
    }
}
