package org.boxoffice.booking.promo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A promo or access code of one event. It keeps its own rules: a definition that breaks one is refused
 * ({@link InvalidCode}), a disabled code or one outside its validity window is refused when used, and a discount is
 * computed here, line by line. Its use counter ({@code uses}) is never written through this entity: only the
 * conditional statements of {@code RedemptionStatements} change it, so an organizer's edit cannot overwrite a
 * redemption; an edit that lowers {@code maxUses} is taken on the locked row and may not go below the uses taken.
 */
@Entity
@Table(name = "promo_code")
public class PromoCode {

    static final Pattern FORMAT = Pattern.compile("[A-Z0-9_-]{3,40}");

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;
    @Version
    private long version;
    @Column(name = "event_id")
    private UUID eventId;
    private String code;
    @Enumerated(EnumType.STRING)
    private CodeKind kind;
    @Column(name = "percent_off")
    private @Nullable Integer percentOff;
    @Column(name = "amount_off_minor")
    private @Nullable Long amountOffMinor;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "section_ids")
    private UUID[] sectionIds = new UUID[0];
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "tier_names")
    private String[] tierNames = new String[0];
    @Column(name = "max_uses")
    private @Nullable Integer maxUses;
    @Column(name = "max_uses_per_buyer")
    private @Nullable Integer maxUsesPerBuyer;
    @Column(name = "valid_from")
    private @Nullable Instant validFrom;
    @Column(name = "valid_until")
    private @Nullable Instant validUntil;
    private boolean enabled;
    @Column(insertable = false, updatable = false)
    private int uses;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected PromoCode() {
    }

    /** A new, enabled code of event {@code eventId}; refuses a definition that breaks a rule. */
    public PromoCode(UUID eventId, CodeSpec spec, Instant now) {
        this.eventId = eventId;
        this.code = normalize(spec.code());
        if (!FORMAT.matcher(code).matches()) {
            throw new InvalidCode("code", "A code is 3 to 40 letters, digits, '-' or '_'.");
        }
        this.kind = spec.kind();
        this.enabled = true;
        this.createdAt = now;
        define(spec, now);
    }

    /** The text buyers type, compared without regard to case. */
    public static String normalize(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    /** Replaces the definition; the text and the kind of a code never change, and its limit not below its uses. */
    void redefine(CodeSpec spec, Instant now) {
        if (!normalize(spec.code()).equals(code)) {
            throw new InvalidCode("code", "A code's text cannot change; create another code.");
        }
        if (spec.kind() != kind) {
            throw new InvalidCode("kind", "A code's kind cannot change; create another code.");
        }
        if (spec.maxUses() != null && spec.maxUses() < uses) {
            throw new InvalidCode("maxUses", "The code has been used " + uses + " times already; maxUses cannot be "
                    + "lower.");
        }
        define(spec, now);
    }

    private void define(CodeSpec spec, Instant now) {
        if (kind == CodeKind.DISCOUNT) {
            if ((spec.percentOff() == null) == (spec.amountOffMinor() == null)) {
                throw new InvalidCode("percentOff", "A discount code takes exactly one of percentOff and "
                        + "amountOffMinor.");
            }
            if (spec.percentOff() != null && (spec.percentOff() < 1 || spec.percentOff() > 100)) {
                throw new InvalidCode("percentOff", "percentOff is between 1 and 100.");
            }
            if (spec.amountOffMinor() != null && spec.amountOffMinor() < 1) {
                throw new InvalidCode("amountOffMinor", "amountOffMinor is at least 1.");
            }
        } else if (spec.percentOff() != null || spec.amountOffMinor() != null) {
            throw new InvalidCode("percentOff", "An access code gives no discount: leave out percentOff and "
                    + "amountOffMinor.");
        }
        if (spec.maxUses() != null && spec.maxUses() < 1) {
            throw new InvalidCode("maxUses", "maxUses is at least 1 (leave it out for no limit).");
        }
        if (spec.maxUsesPerBuyer() != null && spec.maxUsesPerBuyer() < 1) {
            throw new InvalidCode("maxUsesPerBuyer", "maxUsesPerBuyer is at least 1 (leave it out for no limit).");
        }
        if (spec.maxUses() != null && spec.maxUsesPerBuyer() != null && spec.maxUsesPerBuyer() > spec.maxUses()) {
            throw new InvalidCode("maxUsesPerBuyer", "A buyer cannot be allowed more uses than the code has.");
        }
        if (spec.validFrom() != null && spec.validUntil() != null && !spec.validUntil().isAfter(spec.validFrom())) {
            throw new InvalidCode("validUntil", "The validity window must end after it starts.");
        }
        for (int i = 0; i < spec.tierNames().size(); i++) {
            if (spec.tierNames().get(i).isEmpty()) {
                throw new InvalidCode("tierNames[" + i + "]", "A tier name is not blank.");
            }
        }
        this.percentOff = spec.percentOff();
        this.amountOffMinor = spec.amountOffMinor();
        this.sectionIds = spec.sectionIds().stream().distinct().toArray(UUID[]::new);
        this.tierNames = spec.tierNames().stream().distinct().toArray(String[]::new);
        this.maxUses = spec.maxUses();
        this.maxUsesPerBuyer = spec.maxUsesPerBuyer();
        this.validFrom = spec.validFrom();
        this.validUntil = spec.validUntil();
        this.updatedAt = now;
    }

    void disable(Instant now) {
        enabled = false;
        updatedAt = now;
    }

    void enable(Instant now) {
        enabled = true;
        updatedAt = now;
    }

    /** Refuses a code of another kind, a disabled one, or one outside its validity window. */
    void requireUsable(CodeKind as, Instant now) {
        if (kind != as) {
            throw kind == CodeKind.ACCESS
                    ? new CodeNotApplicable(code, CodeNotApplicable.Reason.NOT_A_DISCOUNT,
                            "Code " + code + " opens the pre-sale; it gives no discount.")
                    : new CodeNotApplicable(code, CodeNotApplicable.Reason.NOT_AN_ACCESS_CODE,
                            "Code " + code + " is a discount code; it does not open the pre-sale.");
        }
        if (!enabled) {
            throw new CodeDisabled(code);
        }
        if (validFrom != null && now.isBefore(validFrom)) {
            throw new CodeNotYetValid(code, validFrom);
        }
        if (validUntil != null && !now.isBefore(validUntil)) {
            throw new CodeExpired(code, validUntil);
        }
    }

    /** Whether the code applies to a ticket of this section and tier. */
    boolean covers(UUID sectionId, String tierName) {
        if (sectionIds.length == 0 && tierNames.length == 0) {
            return true;
        }
        return Arrays.asList(sectionIds).contains(sectionId) || Arrays.asList(tierNames).contains(tierName);
    }

    /** Refuses access for tickets outside the code's sections and tiers. */
    void requireCovers(List<Ticketed> tickets) {
        for (Ticketed ticket : tickets) {
            if (!covers(ticket.sectionId(), ticket.tierName())) {
                throw new CodeNotApplicable(code, CodeNotApplicable.Reason.NOT_FOR_THESE_TICKETS, "Code " + code
                        + " does not open tier " + ticket.tierName() + " (section " + ticket.sectionId() + ").");
            }
        }
    }

    /**
     * The discount on each line, in the same order (0 for a line the code does not cover): {@code percentOff} of the
     * line's amount rounded down, or {@code amountOffMinor} per ticket but never more than the ticket's price.
     * {@link CodeNotApplicable} if it covers no line.
     */
    List<Long> discounts(List<Priced> lines) {
        List<Long> discounts = new ArrayList<>();
        boolean any = false;
        for (Priced line : lines) {
            long discount = 0;
            if (covers(line.sectionId(), line.tierName())) {
                any = true;
                discount = percentOff != null
                        ? Math.multiplyExact(line.amountMinor(), percentOff) / 100
                        : Math.multiplyExact(Math.min(amountOffMinor(), line.unitPriceMinor()), line.quantity());
            }
            discounts.add(Math.min(discount, line.amountMinor()));
        }
        if (!any) {
            throw new CodeNotApplicable(code, CodeNotApplicable.Reason.NOT_FOR_THESE_TICKETS,
                    "Code " + code + " does not apply to any ticket of this order.");
        }
        return discounts;
    }

    private long amountOffMinor() {
        return amountOffMinor == null ? 0 : amountOffMinor;
    }

    /** A ticket's section and tier, as a code's restriction sees it. */
    public record Ticketed(UUID sectionId, String tierName) {
    }

    /** An order line as a discount sees it. */
    public record Priced(UUID sectionId, String tierName, int quantity, long unitPriceMinor, long amountMinor) {
    }

    public UUID id() {
        return id;
    }

    public UUID eventId() {
        return eventId;
    }

    public String code() {
        return code;
    }

    public CodeKind kind() {
        return kind;
    }

    public @Nullable Integer percentOff() {
        return percentOff;
    }

    public @Nullable Long amountOff() {
        return amountOffMinor;
    }

    public List<UUID> sectionIds() {
        return List.of(sectionIds);
    }

    public List<String> tierNames() {
        return List.of(tierNames);
    }

    public @Nullable Integer maxUses() {
        return maxUses;
    }

    public @Nullable Integer maxUsesPerBuyer() {
        return maxUsesPerBuyer;
    }

    public @Nullable Instant validFrom() {
        return validFrom;
    }

    public @Nullable Instant validUntil() {
        return validUntil;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Uses taken and not given back, as read with the code. */
    public int uses() {
        return uses;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
