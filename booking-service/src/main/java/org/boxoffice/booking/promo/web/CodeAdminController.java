package org.boxoffice.booking.promo.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.promo.CodeKind;
import org.boxoffice.booking.promo.CodeSpec;
import org.boxoffice.booking.promo.PromoCode;
import org.boxoffice.booking.promo.PromoCodeService;
import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.booking.system.PageResponse;
import org.boxoffice.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An event's promo and access codes (docs/commerce.md). Another organization's event, or its codes, are a 404. */
@Tag(name = "Promo and access codes", description = "An event's discount codes and pre-sale access codes")
@RestController
@RequestMapping("/api/v1/admin/events/{eventId}/codes")
class CodeAdminController {

    private final PromoCodeService codes;

    CodeAdminController(PromoCodeService codes) {
        this.codes = codes;
    }

    /**
     * A code's definition. A DISCOUNT code takes exactly one of {@code percentOff} and {@code amountOffMinor} (per
     * ticket, event currency); an ACCESS code neither. Empty (or left out) {@code sectionIds} and {@code tierNames}:
     * every ticket of the event.
     */
    record CodeRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{3,40}") String code, @NotNull CodeKind kind,
            @Nullable @Min(1) @Max(100) Integer percentOff,
            @Nullable @Min(1) @Max(100_000_000_000L) Long amountOffMinor,
            @Nullable @Size(max = 100) List<@NotNull UUID> sectionIds,
            @Nullable @Size(max = 100) List<@NotBlank @Size(max = 200) String> tierNames,
            @Nullable @Min(1) @Max(1_000_000_000) Integer maxUses,
            @Nullable @Min(1) @Max(1_000_000_000) Integer maxUsesPerBuyer,
            @Nullable Instant validFrom, @Nullable Instant validUntil) {

        CodeSpec toSpec() {
            return new CodeSpec(code, kind, percentOff, amountOffMinor, sectionIds == null ? List.of() : sectionIds,
                    tierNames == null ? List.of() : tierNames, maxUses, maxUsesPerBuyer, validFrom, validUntil);
        }
    }

    /** A code with its uses taken so far (uses given back by ended holds and orders are not counted). */
    record CodeResponse(UUID id, UUID eventId, String code, CodeKind kind, @Nullable Integer percentOff,
            @Nullable Long amountOffMinor, List<UUID> sectionIds, List<String> tierNames, @Nullable Integer maxUses,
            @Nullable Integer maxUsesPerBuyer, @Nullable Instant validFrom, @Nullable Instant validUntil,
            boolean enabled, int uses, Instant createdAt, Instant updatedAt) {

        static CodeResponse of(PromoCode code) {
            return new CodeResponse(code.id(), code.eventId(), code.code(), code.kind(), code.percentOff(),
                    code.amountOff(), code.sectionIds(), code.tierNames(), code.maxUses(), code.maxUsesPerBuyer(),
                    code.validFrom(), code.validUntil(), code.enabled(), code.uses(), code.createdAt(),
                    code.updatedAt());
        }
    }

    @PostMapping
    @Operation(operationId = "createCode", summary = "Create a discount or access code for an event",
            description = "Codes are case-insensitive and stored in upper case. A new code is enabled.")
    @ApiResponse(responseCode = "201", description = "The code")
    @ApiResponse(responseCode = "409", description = "`duplicate-code`: the event has this code already; or "
            + "`idempotent-request-in-progress`.")
    @ApiResponse(responseCode = "422", description = "`invalid-code` (`errors`): a discount without exactly one of "
            + "percentOff and amountOffMinor, an access code with one, a window ending before it starts, more uses "
            + "per buyer than in all; or `idempotency-key-reused`.")
    ResponseEntity<CodeResponse> create(CurrentUser user, @PathVariable UUID eventId,
            @Valid @RequestBody CodeRequest request) {
        PromoCode code = codes.create(user::canManage, eventId, request.toSpec());
        return ResponseEntity.created(URI.create("/api/v1/admin/events/" + eventId + "/codes/" + code.id()))
                .body(CodeResponse.of(code));
    }

    @GetMapping
    @Operation(operationId = "listCodes", summary = "List an event's codes, oldest first")
    PageResponse<CodeResponse> list(CurrentUser user, @PathVariable UUID eventId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return codes.list(user::canManage, eventId, new PageQuery(page, size)).map(CodeResponse::of);
    }

    @GetMapping("/{codeId}")
    @Operation(operationId = "getCode", summary = "Get one of an event's codes with its uses")
    CodeResponse get(CurrentUser user, @PathVariable UUID eventId, @PathVariable UUID codeId) {
        return CodeResponse.of(codes.get(user::canManage, eventId, codeId));
    }

    @PutMapping("/{codeId}")
    @Operation(operationId = "updateCode", summary = "Replace a code's definition",
            description = "The code's text and kind cannot change; maxUses not below the uses already taken. "
                    + "Orders already placed keep their discount.")
    @ApiResponse(responseCode = "200", description = "The code")
    @ApiResponse(responseCode = "422", description = "`invalid-code` (`errors`): as for createCode, or a changed "
            + "text or kind, or maxUses below the uses taken.")
    CodeResponse update(CurrentUser user, @PathVariable UUID eventId, @PathVariable UUID codeId,
            @Valid @RequestBody CodeRequest request) {
        return CodeResponse.of(codes.update(user::canManage, eventId, codeId, request.toSpec()));
    }

    @PostMapping("/{codeId}/disable")
    @Operation(operationId = "disableCode", summary = "Disable a code: buyers can no longer use it",
            description = "Holds and orders that used it keep it.")
    @ApiResponse(responseCode = "200", description = "The code")
    CodeResponse disable(CurrentUser user, @PathVariable UUID eventId, @PathVariable UUID codeId) {
        return CodeResponse.of(codes.disable(user::canManage, eventId, codeId));
    }

    @PostMapping("/{codeId}/enable")
    @Operation(operationId = "enableCode", summary = "Enable a disabled code again")
    @ApiResponse(responseCode = "200", description = "The code")
    CodeResponse enable(CurrentUser user, @PathVariable UUID eventId, @PathVariable UUID codeId) {
        return CodeResponse.of(codes.enable(user::canManage, eventId, codeId));
    }
}
