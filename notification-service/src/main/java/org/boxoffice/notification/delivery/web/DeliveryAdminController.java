package org.boxoffice.notification.delivery.web;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.notification.delivery.Channel;
import org.boxoffice.notification.delivery.DeliveryRetries;
import org.boxoffice.notification.delivery.DeliverySearch;
import org.boxoffice.notification.delivery.DeliveryStatus;
import org.boxoffice.notification.delivery.DeliveryView;
import org.boxoffice.notification.system.PageResponse;
import org.boxoffice.platform.openapi.ApiRoles;
import org.boxoffice.platform.security.CurrentUser;
import org.boxoffice.platform.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The delivery log, for platform admins: what was sent, what is waiting, what FAILED and why. */
@Tag(name = "Notification administration")
@RestController
@Validated
@RequestMapping("/api/v1/admin/notifications/deliveries")
class DeliveryAdminController {

    private final DeliveryRetries retries;

    DeliveryAdminController(DeliveryRetries retries) {
        this.retries = retries;
    }

    record DeliveryResponse(UUID id, UUID sourceId, String channel, UUID buyerId, String kind, String lane,
            @Nullable String recipient, String locale, String status, int attempts, Instant nextAttemptAt,
            @Nullable String lastError, @Nullable String providerId, Instant createdAt, @Nullable Instant sentAt) {

        static DeliveryResponse of(DeliveryView d) {
            return new DeliveryResponse(d.id(), d.sourceId(), d.channel().name(), d.buyerId(), d.kind().name(),
                    d.lane().name(), d.recipient(), d.locale().toLanguageTag(), d.status().name(), d.attempts(),
                    d.nextAttemptAt(), d.lastError(), d.providerId(), d.createdAt(), d.sentAt());
        }
    }

    @GetMapping
    @Operation(operationId = "listDeliveries", summary = "List deliveries, newest first, by status, channel, source or buyer")
    @ApiRoles(Role.ADMIN)
    PageResponse<DeliveryResponse> list(CurrentUser user, @RequestParam(required = false) @Nullable DeliveryStatus status,
            @RequestParam(required = false) @Nullable Channel channel,
            @RequestParam(required = false) @Nullable UUID sourceId,
            @RequestParam(required = false) @Nullable UUID buyerId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        user.requireAdmin("see the delivery log");
        DeliverySearch search = new DeliverySearch(status, channel, sourceId, buyerId);
        Page<DeliveryView> found = retries.search(search, page, size);
        return PageResponse.of(found.map(DeliveryResponse::of).getContent(), page, size, found.getTotalElements());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getDelivery", summary = "Get a delivery")
    @ApiRoles(Role.ADMIN)
    DeliveryResponse get(CurrentUser user, @PathVariable UUID id) {
        user.requireAdmin("see the delivery log");
        return DeliveryResponse.of(retries.find(id));
    }

    /** A FAILED delivery is tried again, with a fresh budget of attempts (after fixing a provider's credentials). */
    @PostMapping("/{id}/retry")
    @Operation(operationId = "retryDelivery", summary = "Try a FAILED delivery again, with a fresh budget of attempts")
    @ApiRoles(Role.ADMIN)
    @ApiResponse(responseCode = "200", description = "The delivery, queued again")
    @ApiResponse(responseCode = "409", description = "`delivery-not-retryable`: only a FAILED delivery is tried again.")
    DeliveryResponse retry(CurrentUser user, @PathVariable UUID id) {
        user.requireAdmin("retry a delivery");
        return DeliveryResponse.of(retries.retry(id));
    }
}
