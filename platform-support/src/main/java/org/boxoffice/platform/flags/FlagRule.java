package org.boxoffice.platform.flags;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One targeting rule of a flag: when every condition it names holds for the caller, the flag is {@code value}.
 * Conditions left empty (or {@code null}) hold for everyone.
 *
 * @param value         the flag's value for callers the rule matches
 * @param roles         the caller has one of these roles ({@code BUYER}, {@code ORGANIZER}, {@code ADMIN})
 * @param organizations the organization in question (the event's, or the caller's) is one of these
 * @param events        the event in question is one of these
 * @param percentage    0-100: the caller's account is among this share of accounts; the same account always falls in
 *                      the same bucket of a flag (a hash of the flag and the account), so raising the share only adds
 *                      accounts. A caller without an account never matches a percentage.
 */
public record FlagRule(boolean value, @Nullable List<String> roles, @Nullable List<UUID> organizations,
        @Nullable List<UUID> events, @Nullable Integer percentage) {

    public FlagRule {
        roles = roles == null ? List.of() : List.copyOf(roles);
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
        events = events == null ? List.of() : List.copyOf(events);
        if (percentage != null && (percentage < 0 || percentage > 100)) {
            throw new IllegalArgumentException("percentage must be between 0 and 100: " + percentage);
        }
    }

    /** Whether the rule applies to the caller of {@code context}, for the flag named {@code flag}. */
    public boolean matches(String flag, FlagContext context) {
        List<String> wanted = roles();
        if (!wanted.isEmpty() && context.roles().stream().noneMatch(wanted::contains)) {
            return false;
        }
        if (!organizations().isEmpty()
                && (context.organization() == null || !organizations().contains(context.organization()))) {
            return false;
        }
        if (!events().isEmpty() && (context.event() == null || !events().contains(context.event()))) {
            return false;
        }
        return percentage == null || (context.account() != null && bucket(flag, context.account()) < percentage);
    }

    /** Whether the rule splits by percentage (reported as the {@code SPLIT} reason). */
    public boolean split() {
        return percentage != null;
    }

    @Override
    public List<String> roles() {
        return roles == null ? List.of() : roles;
    }

    @Override
    public List<UUID> organizations() {
        return organizations == null ? List.of() : organizations;
    }

    @Override
    public List<UUID> events() {
        return events == null ? List.of() : events;
    }

    /** The account's bucket for the flag, 0-99: a hash, so stable across replicas, restarts and releases. */
    static int bucket(String flag, String account) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((flag + ':' + account).getBytes(StandardCharsets.UTF_8));
            long first = 0;
            for (int i = 0; i < 8; i++) {
                first = (first << 8) | (hash[i] & 0xff);
            }
            return (int) Long.remainderUnsigned(first, 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
