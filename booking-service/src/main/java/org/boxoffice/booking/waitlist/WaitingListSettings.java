package org.boxoffice.booking.waitlist;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An event's waiting-list setting and the organizer's figures, counted in one statement each. */
@Repository
@SqlByDesign("The waiting list's figures are aggregations over its places and offers (and the orders the claimed "
        + "holds became); its setting is one row written beside them")
class WaitingListSettings {

    /** The organizer's setting: whether buyers may join, and how long an offer stays open. */
    record Setting(boolean enabled, int claimMinutes) {
        static final Setting OFF = new Setting(false, 15);
    }

    /** The list's figures, for the event and per section. */
    record Figures(UUID sectionId, long waiting, long offersOut, long offersMade, long claimed, long purchased,
            long expired, long declined) {
    }

    private final JdbcClient jdbc;

    WaitingListSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean enabled(UUID eventId) {
        return setting(eventId).enabled();
    }

    Setting setting(UUID eventId) {
        return jdbc.sql("SELECT enabled, claim_minutes FROM waiting_list WHERE event_id = ?").param(eventId)
                .query((rs, row) -> new Setting(rs.getBoolean(1), rs.getInt(2))).optional().orElse(Setting.OFF);
    }

    void save(UUID eventId, Setting setting, Instant now) {
        jdbc.sql("""
                INSERT INTO waiting_list (event_id, enabled, claim_minutes, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (event_id) DO UPDATE SET enabled = excluded.enabled, claim_minutes = excluded.claim_minutes,
                                                     updated_at = excluded.updated_at""")
                .params(eventId, setting.enabled(), setting.claimMinutes(), Timestamp.from(now)).update();
    }

    /**
     * Per section with a line: buyers waiting, offers open, offers made, claimed (into holds), purchased (the claimed
     * hold's order was paid, whatever happened to it later), expired unclaimed, and declined (the buyer left).
     */
    List<Figures> figures(UUID eventId) {
        return jdbc.sql("""
                WITH places AS (SELECT section_id, count(*) FILTER (WHERE status = 'WAITING') AS waiting
                                  FROM waiting_list_entry WHERE event_id = ? GROUP BY section_id),
                     offered AS (SELECT o.section_id, count(*) FILTER (WHERE o.status = 'OPEN') AS open, count(*) AS made,
                                        count(*) FILTER (WHERE o.status = 'CLAIMED') AS claimed,
                                        count(*) FILTER (WHERE o.status = 'CLAIMED' AND EXISTS (
                                            SELECT 1 FROM purchase_order p WHERE p.hold_id = o.hold_id AND p.status IN
                                              ('CONFIRMED', 'PARTIALLY_REFUNDED', 'REFUND_REQUESTED', 'REFUNDED'))) AS purchased,
                                        count(*) FILTER (WHERE o.status = 'EXPIRED') AS expired,
                                        count(*) FILTER (WHERE o.status = 'DECLINED') AS declined
                                   FROM waiting_list_offer o WHERE o.event_id = ? GROUP BY o.section_id)
                SELECT p.section_id, p.waiting, coalesce(f.open, 0), coalesce(f.made, 0), coalesce(f.claimed, 0),
                       coalesce(f.purchased, 0), coalesce(f.expired, 0), coalesce(f.declined, 0)
                  FROM places p LEFT JOIN offered f ON f.section_id = p.section_id ORDER BY p.section_id""")
                .params(eventId, eventId)
                .query((rs, row) -> new Figures(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                .list();
    }
}
