package org.boxoffice.platform.security;

import java.util.List;
import java.util.UUID;

import org.boxoffice.platform.testing.TestJwks;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token checks every service applies, against the test JWKS: what passes and each forgery that must not. */
class TokenValidationTest {

    private final JwtDecoder decoder = TokenValidation.decoder(new SecurityProperties(
            java.net.URI.create(TestJwks.get().jwksUri()), TestJwks.get().issuer(), TokenClaims.AUDIENCE, List.of(),
            new SecurityProperties.TokenCache(100, java.time.Duration.ofMinutes(5))), java.time.Clock.systemUTC(),
            new org.springframework.web.client.RestTemplate());

    @Test
    void acceptsAnRs256TokenAndReadsTheCaller() {
        UUID organization = UUID.randomUUID();

        CurrentUser user = CurrentUser.from(decoder.decode(TestTokens.organizer(organization)));

        assertThat(user.roles()).containsExactlyInAnyOrder(Role.BUYER, Role.ORGANIZER);
        assertThat(user.canManage(organization)).isTrue();
        assertThat(user.canManage(UUID.randomUUID())).isFalse();
        assertThat(user.isAdmin()).isFalse();
    }

    @Test
    void acceptsAnEs256Token() {
        UUID buyer = UUID.randomUUID();

        assertThat(CurrentUser.from(decoder.decode(TestTokens.token().subject(buyer).es256().sign())).id())
                .isEqualTo(buyer);
    }

    @Test
    void letsAnAdminManageEveryOrganization() {
        assertThat(CurrentUser.from(decoder.decode(TestTokens.admin())).canManage(UUID.randomUUID())).isTrue();
    }

    static List<String> forgedTokens() {
        return List.of(
                TestTokens.token().tampered().sign(),
                TestTokens.token().expired().sign(),
                TestTokens.token().wrongIssuer().sign(),
                TestTokens.token().algNone().sign(),
                TestTokens.token().hs256().sign(),
                TestTokens.token().wrongKey().sign(),
                TestTokens.token().audience("another-platform").sign(),
                TestTokens.token().claim("exp", null).sign(),
                TestTokens.token().claim("sub", "not-a-uuid").sign(),
                TestTokens.token().roles("SUPERUSER").sign(),
                "not.a.jwt");
    }

    @ParameterizedTest
    @MethodSource("forgedTokens")
    void rejectsForgedAndInvalidTokens(String token) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void parsesPublicPathsWithAndWithoutAMethod() {
        assertThat(PublicPath.parse("POST /api/v1/auth/login").method()).hasToString("POST");
        assertThat(PublicPath.parse("/.well-known/jwks.json").method()).isNull();
        assertThatThrownBy(() -> PublicPath.parse("api/v1")).isInstanceOf(IllegalArgumentException.class);
    }
}
