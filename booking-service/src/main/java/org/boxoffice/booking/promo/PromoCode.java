package org.boxoffice.booking.promo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
 * computed here, line by line, by the rules of its parts: the tickets it applies to ({@link CodeScope}, both kinds)
 * and what a discount code takes off ({@link Discount}, none for an access code). Its use counter ({@code uses}) is
 * never written through this entity: only the conditional statements of {@code RedemptionStatements} change it, so an
 * organizer's edit cannot overwrite a redemption; an edit that lowers {@code maxUses} is taken on the locked row and
 * may not go below the uses taken.
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
    @Embedded
    private @Nullable Discount discount;
    @Embedded
    private CodeScope scope = CodeScope.EVERY_TICKET;
    @Column(name = "max_uses")
    private @Nullable Integer maxUses;
    @Column(name = "max_uses_per_buyer")
    private @Nullable Integer maxUsesPerBuyer;
    @Embedded
    private @Nullable ValidityWindow window;
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
        Discount defined = Discount.of(kind, spec.percentOff(), spec.amountOffMinor());
        if (spec.maxUses() != null && spec.maxUses() < 1) {
            throw new InvalidCode("maxUses", "maxUses is at least 1 (leave it out for no limit).");
        }
        if (spec.maxUsesPerBuyer() != null && spec.maxUsesPerBuyer() < 1) {
            throw new InvalidCode("maxUsesPerBuyer", "maxUsesPerBuyer is at least 1 (leave it out for no limit).");
        }
        if (spec.maxUses() != null && spec.maxUsesPerBuyer() != null && spec.maxUsesPerBuyer() > spec.maxUses()) {
            throw new InvalidCode("maxUsesPerBuyer", "A buyer cannot be allowed more uses than the code has.");
        }
        ValidityWindow valid = ValidityWindow.of(spec.validFrom(), spec.validUntil());
        this.scope = CodeScope.of(spec.sectionIds(), spec.tierNames());
        this.discount = defined;
        this.maxUses = spec.maxUses();
        this.maxUsesPerBuyer = spec.maxUsesPerBuyer();
        this.window = valid;
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
            throw CodeNotApplicable.ofKind(code, kind);
        }
        if (!enabled) {
            throw new CodeDisabled(code);
        }
        if (window != null) {
            window.require(code, now);
        }
    }

    /** Refuses access for tickets outside the code's sections and tiers ({@link CodeScope}). */
    void requireCovers(List<Ticketed> tickets) {
        scope.requireCovers(code, tickets);
    }

    /**
     * The discount on each line, in the same order (0 for a line the code does not cover, never more than the line):
     * see {@link Discount#on}. {@link CodeNotApplicable} if it covers no line.
     */
    List<Long> discounts(List<Priced> lines) {
        List<Long> discounts = new ArrayList<>();
        boolean any = false;
        for (Priced line : lines) {
            long off = 0;
            if (scope.covers(line.sectionId(), line.tierName())) {
                any = true;
                off = discount == null ? 0 : discount.on(line);
            }
            discounts.add(Math.min(off, line.amountMinor()));
        }
        if (!any) {
            throw new CodeNotApplicable(code, CodeNotApplicable.Reason.NOT_FOR_THESE_TICKETS,
                    "Code " + code + " does not apply to any ticket of this order.");
        }
        return discounts;
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
        return discount == null ? null : discount.percentOff();
    }

    public @Nullable Long amountOff() {
        return discount == null ? null : discount.amountOffMinor();
    }

    public List<UUID> sectionIds() {
        return scope.sectionIds();
    }

    public List<String> tierNames() {
        return scope.tierNames();
    }

    public @Nullable Integer maxUses() {
        return maxUses;
    }

    public @Nullable Integer maxUsesPerBuyer() {
        return maxUsesPerBuyer;
    }

    public @Nullable Instant validFrom() {
        return window == null ? null : window.from();
    }

    public @Nullable Instant validUntil() {
        return window == null ? null : window.until();
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
