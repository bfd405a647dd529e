package org.boxoffice.booking.venue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Venues, sections and seats in the {@code booking} schema. */
@SqlByDesign("Still hand-written until this service's aggregates move to Spring Data JPA (issue #21)")
@Repository
public class Venues {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Venues(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insert(Venue venue) {
        jdbc.sql("""
                INSERT INTO venue (id, organization_id, name, city, address, timezone, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(venue.id(), venue.organizationId(), venue.name(), venue.city(), venue.address(),
                        venue.timezone().getId(), Timestamp.from(venue.createdAt()))
                .update();
    }

    public Optional<Venue> find(UUID id) {
        return jdbc.sql("SELECT * FROM venue WHERE id = ?").param(id).query(Venues::venue).optional();
    }

    List<Venue> page(List<UUID> organizations, boolean all, PageQuery page) {
        return jdbc.sql("""
                SELECT * FROM venue WHERE (? OR organization_id = ANY(?)) ORDER BY created_at DESC, id
                LIMIT ? OFFSET ?""")
                .params(all, organizations.toArray(UUID[]::new), page.size(), page.offset())
                .query(Venues::venue).list();
    }

    long count(List<UUID> organizations, boolean all) {
        return jdbc.sql("SELECT count(*) FROM venue WHERE (? OR organization_id = ANY(?))")
                .params(all, organizations.toArray(UUID[]::new)).query(Long.class).single();
    }

    /** Locks the venue row so that two seat-map changes to one venue apply one after the other. */
    void lock(UUID venueId) {
        jdbc.sql("SELECT id FROM venue WHERE id = ? FOR UPDATE").param(venueId).query(UUID.class).optional();
    }

    boolean sectionCodeTaken(UUID venueId, String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM section WHERE venue_id = ? AND lower(code) = lower(?))")
                .params(venueId, code).query(Boolean.class).single();
    }

    int nextSectionPosition(UUID venueId) {
        return jdbc.sql("SELECT coalesce(max(position), 0) + 1 FROM section WHERE venue_id = ?")
                .param(venueId).query(Integer.class).single();
    }

    void insert(Section section) {
        jdbc.sql("INSERT INTO section (id, venue_id, code, name, kind, capacity, position) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(section.id(), section.venueId(), section.code(), section.name(), section.kind().name(),
                        section.capacity(), section.position())
                .update();
    }

    void addToCapacity(UUID sectionId, int seats) {
        jdbc.sql("UPDATE section SET capacity = capacity + ? WHERE id = ?").params(seats, sectionId).update();
    }

    public List<Section> sections(UUID venueId) {
        return jdbc.sql("SELECT * FROM section WHERE venue_id = ? ORDER BY position").param(venueId)
                .query(Venues::section).list();
    }

    Optional<Section> section(UUID venueId, UUID sectionId) {
        return jdbc.sql("SELECT * FROM section WHERE venue_id = ? AND id = ?").params(venueId, sectionId)
                .query(Venues::section).optional();
    }

    void insertSeats(List<Seat> seats) {
        batch.batchUpdate("""
                INSERT INTO seat (id, section_id, row_label, row_position, number, accessible, restricted_view)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", seats, 1000, (statement, seat) -> {
            statement.setObject(1, seat.id());
            statement.setObject(2, seat.sectionId());
            statement.setString(3, seat.row());
            statement.setInt(4, seat.rowPosition());
            statement.setInt(5, seat.number());
            statement.setBoolean(6, seat.accessible());
            statement.setBoolean(7, seat.restrictedView());
        });
    }

    List<Seat> seatsOf(UUID sectionId) {
        return jdbc.sql("SELECT * FROM seat WHERE section_id = ? ORDER BY row_position, number").param(sectionId)
                .query(Venues::seat).list();
    }

    /** Existing seats of the section among the given (row, number) pairs. */
    List<String> existingSeats(UUID sectionId, List<SeatSpec> specs) {
        return jdbc.sql("""
                SELECT row_label || '-' || number FROM seat
                 WHERE section_id = ? AND (row_label, number) IN (SELECT * FROM unnest(?::text[], ?::int[]))""")
                .params(sectionId, specs.stream().map(SeatSpec::row).toArray(String[]::new),
                        specs.stream().map(SeatSpec::number).toArray(Integer[]::new))
                .query(String.class).list();
    }

    /** Row positions already used in the section, by row label. */
    java.util.Map<String, Integer> rowPositions(UUID sectionId) {
        java.util.Map<String, Integer> positions = new java.util.HashMap<>();
        jdbc.sql("SELECT DISTINCT row_label, row_position FROM seat WHERE section_id = ?").param(sectionId)
                .query((ResultSet rs) -> {
                    positions.put(rs.getString(1), rs.getInt(2));
                });
        return positions;
    }

    Optional<Seat> updateSeatFlags(UUID sectionId, UUID seatId, boolean accessible, boolean restrictedView) {
        return jdbc.sql("""
                UPDATE seat SET accessible = ?, restricted_view = ? WHERE id = ? AND section_id = ? RETURNING *""")
                .params(accessible, restrictedView, seatId, sectionId).query(Venues::seat).optional();
    }

    static Venue venue(ResultSet rs, int row) throws SQLException {
        return new Venue(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getString("name"), rs.getString("city"), rs.getString("address"),
                ZoneId.of(rs.getString("timezone")), rs.getTimestamp("created_at").toInstant());
    }

    static Section section(ResultSet rs, int row) throws SQLException {
        return new Section(rs.getObject("id", UUID.class), rs.getObject("venue_id", UUID.class), rs.getString("code"),
                rs.getString("name"), SectionKind.valueOf(rs.getString("kind")), rs.getInt("capacity"),
                rs.getInt("position"));
    }

    static Seat seat(ResultSet rs, int row) throws SQLException {
        return new Seat(rs.getObject("id", UUID.class), rs.getObject("section_id", UUID.class),
                rs.getString("row_label"), rs.getInt("row_position"), rs.getInt("number"),
                rs.getBoolean("accessible"), rs.getBoolean("restricted_view"));
    }
}
