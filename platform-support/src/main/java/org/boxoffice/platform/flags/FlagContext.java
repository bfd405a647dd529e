package org.boxoffice.platform.flags;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.Value;

/**
 * Who and what a flag is evaluated for. In OpenFeature terms: the account is the targeting key, and the attributes
 * {@code roles} (a list), {@code organizationId} and {@code eventId} carry the rest, so another provider's rules (flagd,
 * a vendor's) can target the same things.
 *
 * @param account      the caller's account id (the percentage rules' key); null for work no caller started
 * @param roles        the caller's roles
 * @param organization the organization the request is about (the event's), if any
 * @param event        the event the request is about, if any
 */
public record FlagContext(@Nullable String account, Set<String> roles, @Nullable UUID organization,
        @Nullable UUID event) {

    public static final String ROLES = "roles";
    public static final String ORGANIZATION = "organizationId";
    public static final String EVENT = "eventId";

    private static final FlagContext NOBODY = new FlagContext(null, Set.of(), null, null);

    public FlagContext {
        roles = Set.copyOf(roles);
    }

    /** No caller, no event: the flag's platform-wide value. */
    public static FlagContext platform() {
        return NOBODY;
    }

    /** For an account. */
    public static FlagContext account(UUID account) {
        return new FlagContext(account.toString(), Set.of(), null, null);
    }

    /** With the caller's roles (enum constants or strings). */
    public FlagContext roles(Collection<?> callerRoles) {
        return new FlagContext(account, callerRoles.stream().map(String::valueOf).collect(
                java.util.stream.Collectors.toUnmodifiableSet()), organization, event);
    }

    /** About an event of an organization. */
    public FlagContext event(@Nullable UUID organizationId, UUID eventId) {
        return new FlagContext(account, roles, organizationId, eventId);
    }

    /** About an organization. */
    public FlagContext organization(UUID organizationId) {
        return new FlagContext(account, roles, organizationId, event);
    }

    EvaluationContext toEvaluationContext() {
        Map<String, Value> attributes = new HashMap<>(4);
        if (!roles.isEmpty()) {
            attributes.put(ROLES, new Value(roles.stream().sorted().map(Value::new).toList()));
        }
        if (organization != null) {
            attributes.put(ORGANIZATION, new Value(organization.toString()));
        }
        if (event != null) {
            attributes.put(EVENT, new Value(event.toString()));
        }
        return account == null ? new ImmutableContext(attributes) : new ImmutableContext(account, attributes);
    }

    /** Reads what {@link #toEvaluationContext()} wrote (or any provider-neutral context with the same attributes). */
    static FlagContext of(@Nullable EvaluationContext context) {
        if (context == null) {
            return NOBODY;
        }
        Value roles = context.getValue(ROLES);
        Set<String> names = roles == null ? Set.of() : roles.isList()
                ? roles.asList().stream().map(Value::asString).filter(java.util.Objects::nonNull)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet())
                : roles.asString() == null ? Set.of() : Set.of(roles.asString());
        String key = context.getTargetingKey();
        return new FlagContext(key == null || key.isEmpty() ? null : key, names, uuid(context, ORGANIZATION),
                uuid(context, EVENT));
    }

    private static @Nullable UUID uuid(EvaluationContext context, String attribute) {
        Value value = context.getValue(attribute);
        if (value == null || value.asString() == null) {
            return null;
        }
        try {
            return UUID.fromString(value.asString());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
