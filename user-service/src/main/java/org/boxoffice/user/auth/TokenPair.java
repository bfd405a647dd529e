package org.boxoffice.user.auth;

/** What a login or refresh gives the client. Lifetimes in seconds. */
public record TokenPair(String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn) {
}
