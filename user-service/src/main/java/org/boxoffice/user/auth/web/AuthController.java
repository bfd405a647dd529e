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

/** Login, token refresh and logout. Responses carrying tokens are never cached. */
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
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return tokens(auth.login(request.email(), request.password(), clients.limitKey(http)));
    }

    @PostMapping("/api/v1/auth/refresh")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return tokens(auth.refresh(request.refreshToken()));
    }

    @PostMapping("/api/v1/auth/logout")
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
