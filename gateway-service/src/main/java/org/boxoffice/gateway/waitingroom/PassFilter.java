package org.boxoffice.gateway.waitingroom;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.boxoffice.gateway.ProblemWriter;
import org.boxoffice.platform.admission.AdmissionPass;
import org.boxoffice.platform.admission.AdmissionPasses;
import org.boxoffice.platform.flags.FlagContext;
import org.boxoffice.platform.flags.Flags;
import org.boxoffice.platform.problem.Problems;
import org.boxoffice.platform.security.TokenClaims;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The waiting room's first check, before a hold reaches booking-service: a {@code POST /api/v1/holds} for an event
 * whose waiting room is on must carry a pass ({@code X-Waiting-Room-Pass}) this platform signed for the caller's
 * account and that event, not yet expired. Refused holds never cost booking-service anything; booking-service checks
 * again, so a request that bypasses the gateway does not skip the queue either.
 *
 * <p>Only when some event has a waiting room does the filter read the body (to learn the event); the pass itself is
 * checked without Redis. When Redis cannot tell whether the event has a room, the hold goes on and booking-service,
 * which decides from its own database, is the fence. The flag {@value #FLAG} (docs/feature-flags.md) switches a room
 * off for an event, an organization or everyone; booking-service reads the same flag.
 */
@Component
class PassFilter implements GlobalFilter, Ordered {

    static final String HOLDS = "/api/v1/holds";
    static final String FLAG = "waiting-room";

    private final Rooms rooms;
    private final WaitingRoomConfiguration.PassSigner signer;
    private final WaitingRoomMetrics metrics;
    private final ProblemWriter problems;
    private final JsonMapper json;
    private final Flags flags;
    private final Clock clock;

    PassFilter(Rooms rooms, WaitingRoomConfiguration.PassSigner signer, WaitingRoomMetrics metrics,
            ProblemWriter problems, JsonMapper json, Flags flags, Clock clock) {
        this.rooms = rooms;
        this.signer = signer;
        this.metrics = metrics;
        this.problems = problems;
        this.json = json;
        this.flags = flags;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.POST
                || !HOLDS.equals(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        return rooms.active().flatMap(active -> active.isEmpty() ? chain.filter(exchange)
                : ServerWebExchangeUtils.cacheRequestBody(exchange, request -> {
                    ServerWebExchange replayable = exchange.mutate().request(request).build();
                    UUID eventId = eventId(exchange.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR));
                    if (eventId == null || !active.contains(eventId)) {
                        return chain.filter(replayable);
                    }
                    return check(replayable, chain, eventId);
                }));
    }

    private Mono<Void> check(ServerWebExchange exchange, GatewayFilterChain chain, UUID eventId) {
        return rooms.find(eventId).onErrorResume(unknown -> Mono.just(rooms.lastKnown(eventId)))
                .flatMap(room -> !room.map(RoomSettings::enabled).orElse(false) ? chain.filter(exchange)
                        : exchange.getPrincipal().filter(JwtAuthenticationToken.class::isInstance)
                                .map(JwtAuthenticationToken.class::cast)
                                .map(principal -> roomOn(principal, room.get())
                                        ? verdict(exchange, UUID.fromString(principal.getName()), eventId)
                                        : Optional.<ProblemDetail>empty())
                                // No authenticated caller: the security chain refuses such a hold before this filter.
                                .defaultIfEmpty(Optional.empty())
                                .flatMap(refusal -> refusal.isPresent() ? problems.write(exchange, refusal.get())
                                        : chain.filter(exchange)));
    }

    /** Whether the waiting room flag leaves the room on for this caller and event (an in-memory read). */
    private boolean roomOn(JwtAuthenticationToken principal, RoomSettings room) {
        java.util.List<String> roles = principal.getToken().getClaimAsStringList(TokenClaims.ROLES);
        return flags.isOn(FLAG, FlagContext.account(UUID.fromString(principal.getName()))
                .roles(roles == null ? java.util.List.of() : roles).event(room.organizationId(), room.eventId()));
    }

    /** The problem that refuses the hold, or empty when the pass opens it. */
    private Optional<ProblemDetail> verdict(ServerWebExchange exchange, UUID account, UUID eventId) {
        Optional<AdmissionPasses> passes = signer.passes();
        if (passes.isEmpty()) {
            metrics.passChecked("unavailable");
            return Optional.of(Problems.of(new WaitingRoomProblems.Unavailable()));
        }
        String pass = exchange.getRequest().getHeaders().getFirst(AdmissionPass.HEADER);
        if (pass == null || pass.isBlank()) {
            metrics.passChecked("missing");
            ProblemDetail problem = Problems.of(WaitingRoomProblems.PASS_REQUIRED, "Holds for this event need the pass "
                    + "the waiting room gives when it lets you in: join it at " + WaitingRoomProblems.joinPath(eventId)
                    + " and send the pass in the " + AdmissionPass.HEADER + " header.");
            problem.setProperty("eventId", eventId);
            problem.setProperty("waitingRoom", WaitingRoomProblems.joinPath(eventId));
            return Optional.of(problem);
        }
        AdmissionPasses.Check check = passes.get().check(pass.strip(), account, eventId, clock.instant());
        metrics.passChecked(check.slug());
        if (check == AdmissionPasses.Check.VALID) {
            return Optional.empty();
        }
        ProblemDetail problem = Problems.of(WaitingRoomProblems.PASS_INVALID, switch (check) {
            case EXPIRED -> "Your waiting room pass has expired: join the waiting room again.";
            case OTHER_ACCOUNT -> "This waiting room pass was given to another account.";
            case OTHER_EVENT -> "This waiting room pass is for another event.";
            default -> "This is not a waiting room pass this platform issued.";
        });
        problem.setProperty("eventId", eventId);
        problem.setProperty("reason", check.slug());
        problem.setProperty("waitingRoom", WaitingRoomProblems.joinPath(eventId));
        return Optional.of(problem);
    }

    /** The hold's {@code eventId}, or null when the body does not say (booking-service answers that request). */
    private @Nullable UUID eventId(@Nullable DataBuffer body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body.toString(body.readPosition(), body.readableByteCount(),
                    StandardCharsets.UTF_8)).path("eventId");
            return node.isString() ? UUID.fromString(node.asString()) : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    @Override
    public int getOrder() {
        // After the rate limiter, before the platform signals and routing.
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
