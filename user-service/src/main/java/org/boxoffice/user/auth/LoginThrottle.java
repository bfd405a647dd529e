package org.boxoffice.user.auth;

import java.time.Duration;

import org.boxoffice.platform.data.SqlByDesign;
import org.boxoffice.user.system.UserProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down without giving anyone a way to lock an account. Counted in PostgreSQL, so every
 * replica sees the same counts:
 *
 * <ul>
 *   <li>per (account, client) pair: after {@code free-failures} failures in a row, each further failure makes that
 *   pair wait {@code first-delay}, doubling up to {@code max-delay}, before its next attempt;</li>
 *   <li>per client across accounts: at {@code max-failures-per-client} failures, that client waits the window.</li>
 * </ul>
 *
 * Nothing is counted per account alone: failures from one client never delay the account's owner on another, so an
 * attacker cannot keep an organizer or the door staff out during a sale. A client is the address the gateway vouches
 * for (an IPv6 client by its /64). Counts are forgotten after {@code window} without a failure; a successful login
 * clears its pair, not its client. Unknown emails are counted like known ones, so the answers say nothing about
 * which accounts exist.
 */
@SqlByDesign("Login throttle counters are atomic upserts and set-based sweeps that every replica shares")
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final UserProperties.Login limits;

    LoginThrottle(JdbcClient jdbc, UserProperties properties) {
        this.jdbc = jdbc;
        this.limits = properties.login();
    }

    /** Throws {@link LoginThrottled} while the pair or the client has to wait. */
    void check(String email, String client) {
        jdbc.sql("""
                SELECT ceil(extract(epoch FROM blocked_until - now()) * 1000)::bigint FROM login_throttle
                 WHERE subject IN (:pair, :client) AND blocked_until > now()
                 ORDER BY blocked_until DESC LIMIT 1
                """).param("pair", pair(email, client)).param("client", client(client))
                .query(Long.class).optional().ifPresent(waitMillis -> {
                    throw new LoginThrottled(Duration.ofMillis(waitMillis));
                });
    }

    void recordFailure(String email, String client) {
        int pairFailures = count(pair(email, client));
        Duration delay = limits.delayAfter(pairFailures);
        if (!delay.isZero()) {
            block(pair(email, client), delay);
        }
        if (count(client(client)) >= limits.maxFailuresPerClient()) {
            block(client(client), limits.window());
        }
    }

    /** The pair starts afresh; the client keeps its count, as it may be guessing many accounts. */
    void recordSuccess(String email, String client) {
        jdbc.sql("DELETE FROM login_throttle WHERE subject = ?").param(pair(email, client)).update();
    }

    /** Deletes the rows of pairs and clients that neither wait nor remember a failure any more; returns how many. */
    int forgetQuiet() {
        return jdbc.sql("""
                DELETE FROM login_throttle
                 WHERE last_failed_at < now() - make_interval(secs => :window) AND blocked_until < now()
                """).param("window", seconds(limits.window())).update();
    }

    /** Counts one failure for the subject, starting afresh after a quiet window; returns the count. */
    private int count(String subject) {
        return jdbc.sql("""
                INSERT INTO login_throttle AS t (subject, failures, last_failed_at, blocked_until)
                VALUES (:subject, 1, now(), now())
                ON CONFLICT ON CONSTRAINT login_throttle_pk DO UPDATE SET
                  failures = CASE WHEN t.last_failed_at < now() - make_interval(secs => :window)
                                  THEN 1 ELSE t.failures + 1 END,
                  last_failed_at = now()
                RETURNING failures
                """).param("subject", subject).param("window", seconds(limits.window())).query(Integer.class).single();
    }

    private void block(String subject, Duration wait) {
        jdbc.sql("""
                UPDATE login_throttle SET blocked_until = greatest(blocked_until, now() + make_interval(secs => :wait))
                 WHERE subject = :subject
                """).param("subject", subject).param("wait", seconds(wait)).update();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String pair(String email, String client) {
        return "pair:" + email + " " + client;
    }

    private static String client(String client) {
        return "client:" + client;
    }
}
