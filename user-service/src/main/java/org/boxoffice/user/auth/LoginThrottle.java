package org.boxoffice.user.auth;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.boxoffice.user.system.UserProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per client address in a fixed window, in PostgreSQL so that every replica
 * sees the same counts. Once either reaches its limit, logins for it are refused, right password or not, until the
 * window ends: guessing stays slower than the password policy makes worthwhile.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final UserProperties.Login limits;

    LoginThrottle(JdbcClient jdbc, UserProperties properties) {
        this.jdbc = jdbc;
        this.limits = properties.login();
    }

    /** Throws {@link LoginThrottled} when the account or the address has used up its failures. */
    void check(String email, String address) {
        blockedFor(account(email), limits.maxFailuresPerAccount())
                .or(() -> blockedFor(ip(address), limits.maxFailuresPerIp()))
                .ifPresent(wait -> {
                    throw new LoginThrottled(wait);
                });
    }

    void recordFailure(String email, String address) {
        for (String subject : List.of(account(email), ip(address))) {
            jdbc.sql("""
                    INSERT INTO login_failures (subject, failures, window_started_at) VALUES (:subject, 1, now())
                    ON CONFLICT ON CONSTRAINT login_failures_pk DO UPDATE SET
                      failures = CASE WHEN login_failures.window_started_at < now() - make_interval(secs => :window)
                                      THEN 1 ELSE login_failures.failures + 1 END,
                      window_started_at = CASE WHEN login_failures.window_started_at < now() - make_interval(secs => :window)
                                      THEN now() ELSE login_failures.window_started_at END
                    """).param("subject", subject).param("window", limits.window().toSeconds()).update();
        }
    }

    /** A successful login clears the account's count; the address keeps its own, as it may be guessing many accounts. */
    void recordSuccess(String email) {
        jdbc.sql("DELETE FROM login_failures WHERE subject = ?").param(account(email)).update();
    }

    private Optional<Duration> blockedFor(String subject, int limit) {
        return jdbc.sql("""
                SELECT ceil(extract(epoch FROM window_started_at + make_interval(secs => :window) - now()))::bigint
                  FROM login_failures
                 WHERE subject = :subject AND failures >= :limit
                   AND window_started_at + make_interval(secs => :window) > now()
                """).param("subject", subject).param("window", limits.window().toSeconds()).param("limit", limit)
                .query(Long.class).optional().map(Duration::ofSeconds);
    }

    private static String account(String email) {
        return "account:" + email;
    }

    private static String ip(String address) {
        return "ip:" + address;
    }
}
