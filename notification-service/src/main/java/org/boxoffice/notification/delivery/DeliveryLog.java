package org.boxoffice.notification.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.boxoffice.notification.message.MessageKind;
import org.boxoffice.platform.data.SqlByDesign;
import org.boxoffice.platform.events.TraceHandoff;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery log's set-based statements: planning behind the once-per-(source, channel, buyer) fence, one
 * announcement's deliveries to every holder in one statement, the caps' counts under their advisory lock, and the
 * dispatcher's claim with {@code FOR UPDATE SKIP LOCKED}, so replicas never take the same row. What happens to a
 * claimed delivery afterwards is {@link Delivery}'s. A transaction that planned deliveries to send wakes their lane's
 * worker when it commits, so the lanes need not poll often.
 */
@SqlByDesign("The exactly-once fence (ON CONFLICT), set-based planning for all holders, capped counts under an advisory lock and SKIP LOCKED claims")
@Repository
class DeliveryLog {

    private final JdbcClient jdbc;
    private final TraceHandoff traces;
    private final JsonMapper json;
    private final ObjectProvider<DeliveryLanes> lanes;

    /** {@code lanes}: looked up when a commit wakes one (their dispatcher claims through this log). */
    DeliveryLog(JdbcClient jdbc, TraceHandoff traces, JsonMapper json, ObjectProvider<DeliveryLanes> lanes) {
        this.jdbc = jdbc;
        this.traces = traces;
        this.json = json;
        this.lanes = lanes;
    }

    /** Wakes the lane's worker once the current transaction commits (never if it rolls back). */
    private void wakeAfterCommit(Lane lane) {
        lanes.ifAvailable(running -> running.wakeAfterCommit(lane));
    }

    /** The trace of the event or request planning deliveries now, for the dispatcher's provider call (null if none). */
    private @Nullable String traceContext() {
        java.util.Map<String, String> trace = traces.current();
        return trace.isEmpty() ? null : json.writeValueAsString(trace);
    }

    /**
     * Adds a delivery unless this source already has one for this channel and buyer.
     *
     * @return whether a delivery was added
     */
    boolean plan(UUID sourceId, Channel channel, UUID buyerId, MessageKind kind, Lane lane, @Nullable String recipient,
            Locale locale, String payload, Instant now) {
        return plan(sourceId, channel, buyerId, kind, lane, recipient, locale, payload, null, now);
    }

    /**
     * Adds a delivery, PENDING — or SUPPRESSED with {@code suppressedBecause} as its reason, never to be sent —
     * unless this source already has one for this channel and buyer.
     */
    boolean plan(UUID sourceId, Channel channel, UUID buyerId, MessageKind kind, Lane lane, @Nullable String recipient,
            Locale locale, String payload, @Nullable String suppressedBecause, Instant now) {
        boolean added = jdbc.sql("""
                INSERT INTO delivery (id, source_id, channel, buyer_id, kind, lane, recipient, locale, payload, status,
                                      last_error, next_attempt_at, created_at, updated_at, trace_context)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT delivery_once_per_source_channel_buyer DO NOTHING""")
                .params(UUID.randomUUID(), sourceId, channel.name(), buyerId, kind.name(), lane.name(), recipient,
                        locale.toLanguageTag(), payload,
                        suppressedBecause == null ? DeliveryStatus.PENDING.name() : DeliveryStatus.SUPPRESSED.name(),
                        suppressedBecause, ts(now), ts(now), ts(now), traceContext())
                .update() == 1;
        if (added && suppressedBecause == null) {
            wakeAfterCommit(lane);
        }
        return added;
    }

    /**
     * Serializes the caps' count-and-plan of one buyer's, or one address's, messages on a channel until the caller's
     * transaction ends, so that two events planned at once cannot both pass a cap with one place left.
     */
    void lockQuota(String subject) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param("delivery-quota:" + subject)
                .query((rs, row) -> 1).list();
    }

    /** Messages to the buyer on the channel planned since {@code since}, suppressed ones not counted. */
    long countToBuyer(UUID buyerId, Channel channel, Instant since) {
        return jdbc.sql("""
                SELECT count(*) FROM delivery
                 WHERE buyer_id = ? AND channel = ? AND created_at >= ? AND status <> 'SUPPRESSED'""")
                .params(buyerId, channel.name(), ts(since)).query(Long.class).single();
    }

    /** Messages to the address on the channel planned since {@code since}, whichever buyer they were for. */
    long countToRecipient(String recipient, Channel channel, Instant since) {
        return jdbc.sql("""
                SELECT count(*) FROM delivery
                 WHERE recipient = ? AND channel = ? AND created_at >= ? AND status <> 'SUPPRESSED'""")
                .params(recipient, channel.name(), ts(since)).query(Long.class).single();
    }

    /**
     * One delivery per active ticket holder of the event (one per buyer however many orders they have), by email to
     * holders with a verified address, plus SMS and WhatsApp for holders who opted in with a confirmed number — for
     * the channels listed in {@code phoneChannels}.
     *
     * @return how many buyers the email goes to
     */
    int planForHolders(UUID sourceId, UUID eventId, MessageKind kind, Lane lane, String payload, String defaultLocale,
            List<Channel> phoneChannels, Instant now) {
        String trace = traceContext();
        int buyers = jdbc.sql("""
                INSERT INTO delivery (id, source_id, channel, buyer_id, kind, lane, recipient, locale, payload, status,
                                      next_attempt_at, created_at, updated_at, trace_context)
                SELECT gen_random_uuid(), :source, 'EMAIL', h.buyer_id, :kind, :lane, v.email,
                       coalesce(p.locale, :locale), :payload, 'PENDING', :now, :now, :now, CAST(:trace AS text)
                FROM (SELECT DISTINCT buyer_id FROM ticket_holder WHERE event_id = :event AND active) h
                JOIN verified_email v ON v.buyer_id = h.buyer_id
                LEFT JOIN buyer_preference p ON p.buyer_id = h.buyer_id
                ON CONFLICT ON CONSTRAINT delivery_once_per_source_channel_buyer DO NOTHING""")
                .param("source", sourceId).param("kind", kind.name()).param("lane", lane.name())
                .param("locale", defaultLocale).param("payload", payload).param("now", ts(now)).param("event", eventId)
                .param("trace", trace).update();
        for (Channel channel : phoneChannels) {
            String optIn = channel == Channel.SMS ? "p.sms_opt_in" : "p.whatsapp_opt_in";
            jdbc.sql("""
                    INSERT INTO delivery (id, source_id, channel, buyer_id, kind, lane, recipient, locale, payload, status,
                                          next_attempt_at, created_at, updated_at, trace_context)
                    SELECT gen_random_uuid(), :source, :channel, h.buyer_id, :kind, :lane, p.phone, p.locale, :payload,
                           'PENDING', :now, :now, :now, CAST(:trace AS text)
                    FROM (SELECT DISTINCT buyer_id FROM ticket_holder WHERE event_id = :event AND active) h
                    JOIN buyer_preference p ON p.buyer_id = h.buyer_id AND %s AND p.phone_verified_at IS NOT NULL
                    ON CONFLICT ON CONSTRAINT delivery_once_per_source_channel_buyer DO NOTHING""".formatted(optIn))
                    .param("source", sourceId).param("channel", channel.name()).param("kind", kind.name())
                    .param("lane", lane.name()).param("payload", payload).param("now", ts(now)).param("event", eventId)
                    .param("trace", trace).update();
        }
        wakeAfterCommit(lane);
        return buyers;
    }

    /**
     * Claims up to {@code limit} deliveries of the lane that are due — pending ones whose time has come, and ones a
     * worker claimed but never finished (its lease ran out: it died mid-send) — counting the attempt and the version.
     *
     * @return the claimed deliveries' ids
     */
    List<UUID> claimDue(Lane lane, int limit, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                UPDATE delivery SET status = 'SENDING', attempts = attempts + 1, lease_until = ?, updated_at = ?,
                                    version = version + 1
                WHERE id IN (SELECT id FROM delivery
                             WHERE lane = ? AND ((status = 'PENDING' AND next_attempt_at <= ?)
                                                 OR (status = 'SENDING' AND lease_until < ?))
                             ORDER BY next_attempt_at
                             LIMIT ?
                             FOR UPDATE SKIP LOCKED)
                RETURNING id""")
                .params(ts(leaseUntil), ts(now), lane.name(), ts(now), ts(now), limit)
                .query(UUID.class).list();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
