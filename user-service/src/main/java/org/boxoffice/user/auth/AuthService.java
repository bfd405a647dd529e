package org.boxoffice.user.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.platform.security.Role;
import org.boxoffice.platform.security.SecurityProperties;
import org.boxoffice.platform.security.TokenClaims;
import org.boxoffice.user.account.Account;
import org.boxoffice.user.account.Accounts;
import org.boxoffice.user.account.EmailAddress;
import org.boxoffice.user.account.PasswordChanged;
import org.boxoffice.user.account.PasswordPolicy;
import org.boxoffice.user.key.AccessTokenSigner;
import org.boxoffice.user.system.UserProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login, refresh and logout. A login's steps commit on their own so that a failure count is kept even though the
 * request fails; a refresh spends its token and issues the next in one transaction (a crash between them cannot
 * strand the session), and a refused refresh's family revocation commits on its own.
 */
@Service
public class AuthService {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final RefreshTokens refreshTokens;
    private final AccessTokenSigner signer;
    private final SecurityProperties security;
    private final UserProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    /** Compared against when the email is unknown, so that both cases take as long as a real check. */
    private final String unknownAccountHash;

    AuthService(Accounts accounts, PasswordEncoder passwords, LoginThrottle throttle, RefreshTokens refreshTokens,
            AccessTokenSigner signer, SecurityProperties security, UserProperties properties, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.refreshTokens = refreshTokens;
        this.signer = signer;
        this.security = security;
        this.properties = properties;
        this.unknownAccountHash = passwords.encode(UUID.randomUUID().toString());
    }

    /**
     * Checks the password and starts a session (a new refresh-token family).
     *
     * @param client the client the request comes from, as a per-client limit key ({@code TrustedProxies.limitKey})
     */
    public TokenPair login(String email, String password, String client) {
        String normalised = EmailAddress.normalise(email);
        throttle.check(normalised, client);
        Account account = EmailAddress.parse(normalised).flatMap(accounts::findByEmail).orElse(null);
        // No stored password is over bcrypt's 72 bytes, and bcrypt would compare only their first 72: a longer one is
        // simply wrong.
        boolean matches = PasswordPolicy.fitsHash(password)
                && passwords.matches(password, account == null ? unknownAccountHash : account.passwordHash());
        if (account == null || !matches) {
            throttle.recordFailure(normalised, client);
            throw new InvalidCredentials();
        }
        throttle.recordSuccess(normalised, client);
        return issue(account, UUID.randomUUID());
    }

    /**
     * Exchanges a refresh token for a new pair: one conditional UPDATE spends the token, and the next is issued in the
     * same transaction. A token presented again (replayed, or racing its own retry) ends its whole session.
     */
    public TokenPair refresh(String refreshToken) {
        TokenPair next = transactions.execute(status -> refreshTokens.take(refreshToken, clock.instant())
                .map(taken -> issue(accounts.findById(taken.accountId())
                        .orElseThrow(() -> new InvalidRefreshToken("The account no longer exists. Log in again.")),
                        taken.familyId()))
                .orElse(null));
        if (next != null) {
            return next;
        }
        RefreshTokens.Stored stored = refreshTokens.find(refreshToken)
                .orElseThrow(() -> new InvalidRefreshToken("The refresh token is not known. Log in again."));
        if (stored.replacedAt() != null) {
            refreshTokens.revokeFamily(stored.familyId());
            throw new RefreshTokenReused();
        }
        if (stored.revokedAt() != null) {
            throw new InvalidRefreshToken("The session has ended. Log in again.");
        }
        throw new InvalidRefreshToken("The refresh token has expired. Log in again.");
    }

    /** Ends the session the refresh token belongs to. Unknown tokens are ignored: the outcome is the same. */
    public void logout(String refreshToken) {
        refreshTokens.find(refreshToken).ifPresent(stored -> refreshTokens.revokeFamily(stored.familyId()));
    }

    @EventListener
    void endSessionsOnPasswordChange(PasswordChanged event) {
        refreshTokens.revokeAccount(event.accountId());
    }

    private TokenPair issue(Account account, UUID familyId) {
        Instant now = clock.instant();
        Instant expires = now.plus(TokenClaims.ACCESS_TOKEN_LIFETIME);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", security.issuer());
        claims.put("aud", List.of(security.audience()));
        claims.put("sub", account.id().toString());
        claims.put(TokenClaims.EMAIL, account.email().value());
        claims.put(TokenClaims.ROLES, account.roles().stream().map(Role::name).sorted().toList());
        claims.put(TokenClaims.ORGANIZATIONS,
                accounts.organizationsOf(account.id()).stream().map(UUID::toString).sorted().toList());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", expires.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        String refresh = refreshTokens.issue(familyId, account.id(), now.plus(properties.refreshTokenLifetime()));
        return new TokenPair(signer.sign(claims), TokenClaims.ACCESS_TOKEN_LIFETIME.toSeconds(), refresh,
                properties.refreshTokenLifetime().toSeconds());
    }
}
