package org.boxoffice.platform.admission;

import java.time.Instant;
import java.util.UUID;

/**
 * Permission for one account to hold seats of one event until {@code expiresAt}: what a buyer receives when the
 * waiting room lets them in. It is reusable by that account for that event until it expires (a buyer may need a few
 * tries to get seats), and by nobody else.
 *
 * @param account   the token subject (user id) it was issued to
 * @param event     the event it opens
 * @param expiresAt after this instant it opens nothing; the buyer queues again
 */
public record AdmissionPass(UUID account, UUID event, Instant expiresAt) {

    /** The request header a hold carries the pass in. */
    public static final String HEADER = "X-Waiting-Room-Pass";
}
