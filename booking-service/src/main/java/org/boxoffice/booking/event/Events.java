package org.boxoffice.booking.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.booking.venue.SectionKind;
import org.boxoffice.platform.data.SqlByDesign;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Events, price tiers and the per-event inventory tables. */
@SqlByDesign("Still hand-written until this service's aggregates move to Spring Data JPA (issue #21)")
@Repository
public class Events {

    private final JdbcClient jdbc;

    Events(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Event event) {
        jdbc.sql("""
                INSERT INTO event (id, organization_id, venue_id, title, description, starts_at, ends_at, timezone,
                                   on_sale_at, off_sale_at, currency, max_per_order, max_per_buyer, hold_seconds,
                                   status, created_at, updated_at, refund_cutoff_hours)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.id(), event.organizationId(), event.venueId(), event.title(), event.description(),
                        ts(event.startsAt()), ts(event.endsAt()), event.timezone().getId(), ts(event.onSaleAt()),
                        ts(event.offSaleAt()), event.currency().getCurrencyCode(), event.maxPerOrder(),
                        event.maxPerBuyer(), (int) event.holdDuration().toSeconds(), event.status().name(),
                        ts(event.createdAt()), ts(event.updatedAt()), (int) event.refundCutoff().toHours())
                .update();
    }

    /** Stores the new status if the event still has the status it was read with; false when someone else won. */
    boolean transition(Event before, Event after) {
        return jdbc.sql("UPDATE event SET status = ?, updated_at = ? WHERE id = ? AND status = ?")
                .params(after.status().name(), ts(after.updatedAt()), after.id(), before.status().name())
                .update() == 1;
    }

    public Optional<Event> find(UUID id) {
        return jdbc.sql("SELECT * FROM event WHERE id = ?").param(id).query(Events::event).optional();
    }

    Optional<Event> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM event WHERE id = ? FOR UPDATE").param(id).query(Events::event).optional();
    }

    List<Event> search(EventSearch search, PageQuery page) {
        Query query = where(search);
        List<Object> params = new ArrayList<>(query.params);
        params.add(page.size());
        params.add(page.offset());
        return jdbc.sql("SELECT e.* FROM event e JOIN venue v ON v.id = e.venue_id WHERE " + query.where
                + " ORDER BY e.starts_at, e.id LIMIT ? OFFSET ?").params(params).query(Events::event).list();
    }

    long count(EventSearch search) {
        Query query = where(search);
        return jdbc.sql("SELECT count(*) FROM event e JOIN venue v ON v.id = e.venue_id WHERE " + query.where)
                .params(query.params).query(Long.class).single();
    }

    private record Query(String where, List<Object> params) {
    }

    private static Query where(EventSearch search) {
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (search.statuses().isEmpty()) {
            clauses.add("TRUE");
        } else {
            clauses.add("e.status = ANY(?)");
            params.add(search.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (!search.allOrganizations()) {
            clauses.add("e.organization_id = ANY(?)");
            params.add(search.organizations().toArray(UUID[]::new));
        }
        if (search.from() != null) {
            clauses.add("e.starts_at >= ?");
            params.add(ts(search.from()));
        }
        if (search.to() != null) {
            clauses.add("e.starts_at < ?");
            params.add(ts(search.to()));
        }
        if (search.venueId() != null) {
            clauses.add("e.venue_id = ?");
            params.add(search.venueId());
        }
        if (search.city() != null) {
            clauses.add("lower(v.city) = lower(?)");
            params.add(search.city());
        }
        if (search.text() != null) {
            clauses.add("(e.title ILIKE ? OR e.description ILIKE ? OR v.name ILIKE ?)");
            String like = "%" + search.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
            params.add(like);
        }
        return new Query(String.join(" AND ", clauses), params);
    }

    void replaceTiers(UUID eventId, List<PriceTier> tiers) {
        jdbc.sql("DELETE FROM price_tier WHERE event_id = ?").param(eventId).update();
        for (PriceTier tier : tiers) {
            jdbc.sql("""
                    INSERT INTO price_tier (id, event_id, section_id, name, amount_minor, currency)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(tier.id(), eventId, tier.sectionId(), tier.name(), tier.amountMinor(),
                            tier.currency().getCurrencyCode())
                    .update();
        }
    }

    public List<PriceTier> tiers(UUID eventId) {
        return jdbc.sql("""
                SELECT t.* FROM price_tier t JOIN section s ON s.id = t.section_id
                 WHERE t.event_id = ? ORDER BY s.position""").param(eventId)
                .query((rs, row) -> new PriceTier(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                        rs.getObject("section_id", UUID.class), rs.getString("name"), rs.getLong("amount_minor"),
                        Currency.getInstance(rs.getString("currency"))))
                .list();
    }

    /** The sections an event sells (those with a price tier), with their tier. */
    public List<EventSection> sections(UUID eventId) {
        return jdbc.sql("""
                SELECT s.id, s.code, s.name, s.kind, s.capacity, t.name AS tier, t.amount_minor, t.currency
                  FROM price_tier t JOIN section s ON s.id = t.section_id
                 WHERE t.event_id = ? ORDER BY s.position""").param(eventId)
                .query((rs, row) -> new EventSection(rs.getObject("id", UUID.class), rs.getString("code"),
                        rs.getString("name"), SectionKind.valueOf(rs.getString("kind")), rs.getInt("capacity"),
                        rs.getString("tier"), rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))))
                .list();
    }

    /** Copies the seats and areas of the priced sections into the event's own inventory. Returns tickets created. */
    int materializeInventory(UUID eventId) {
        int seats = jdbc.sql("""
                INSERT INTO event_seat (event_id, seat_id, section_id, status, row_position, number)
                SELECT t.event_id, st.id, st.section_id, 'AVAILABLE', st.row_position, st.number
                  FROM price_tier t JOIN section s ON s.id = t.section_id AND s.kind = 'SEATED'
                  JOIN seat st ON st.section_id = s.id
                 WHERE t.event_id = ?""").param(eventId).update();
        jdbc.sql("""
                INSERT INTO event_area (event_id, section_id, capacity)
                SELECT t.event_id, s.id, s.capacity
                  FROM price_tier t JOIN section s ON s.id = t.section_id AND s.kind = 'GENERAL_ADMISSION'
                 WHERE t.event_id = ?""").param(eventId).update();
        Integer area = jdbc.sql("SELECT coalesce(sum(capacity), 0)::int FROM event_area WHERE event_id = ?")
                .param(eventId).query(Integer.class).single();
        return seats + area;
    }

    static Event event(ResultSet rs, int row) throws SQLException {
        return new Event(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getObject("venue_id", UUID.class), rs.getString("title"), rs.getString("description"),
                instant(rs, "starts_at"), instant(rs, "ends_at"), ZoneId.of(rs.getString("timezone")),
                instant(rs, "on_sale_at"), instant(rs, "off_sale_at"), Currency.getInstance(rs.getString("currency")),
                rs.getInt("max_per_order"), rs.getInt("max_per_buyer"), Duration.ofSeconds(rs.getInt("hold_seconds")),
                EventStatus.valueOf(rs.getString("status")), instant(rs, "created_at"), instant(rs, "updated_at"),
                Duration.ofHours(rs.getInt("refund_cutoff_hours")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
