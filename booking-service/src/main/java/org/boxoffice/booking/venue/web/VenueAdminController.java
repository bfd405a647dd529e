package org.boxoffice.booking.venue.web;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.booking.system.PageResponse;
import org.boxoffice.booking.venue.RowRange;
import org.boxoffice.booking.venue.Seat;
import org.boxoffice.booking.venue.SeatMap;
import org.boxoffice.booking.venue.SeatSpec;
import org.boxoffice.booking.venue.Section;
import org.boxoffice.booking.venue.SectionKind;
import org.boxoffice.booking.venue.Venue;
import org.boxoffice.booking.venue.VenueService;
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

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Organizers' venues and seat maps. Another organization's venue is a 404. */
@Tag(name = "Venue administration", description = "Organizers' venues and their seat maps")
@RestController
@RequestMapping("/api/v1/admin/venues")
class VenueAdminController {

    private final VenueService venues;

    VenueAdminController(VenueService venues) {
        this.venues = venues;
    }

    record CreateVenueRequest(@NotNull UUID organizationId, @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String city, @NotBlank @Size(max = 300) String address,
            @NotNull ZoneId timezone) {
    }

    record VenueResponse(UUID id, UUID organizationId, String name, String city, String address, String timezone) {
        static VenueResponse of(Venue venue) {
            return new VenueResponse(venue.id(), venue.organizationId(), venue.name(), venue.city(), venue.address(),
                    venue.timezone().getId());
        }
    }

    record Range(@NotBlank @Pattern(regexp = "[1-9][0-9]{0,2}|[A-Za-z]", message = "must be a number or a letter")
            String from, @NotBlank @Pattern(regexp = "[1-9][0-9]{0,2}|[A-Za-z]",
            message = "must be a number or a letter") String to) {
    }

    record SeatRange(@Min(1) @Max(999) int from, @Min(1) @Max(999) int to) {
    }

    /** A seated section from row and seat ranges, or a general-admission area with a capacity. */
    record CreateSectionRequest(@NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9-]+",
            message = "letters, digits and dashes only") String code, @NotBlank @Size(max = 100) String name,
            @NotNull SectionKind kind, @Valid @Nullable Range rows, @Valid @Nullable SeatRange seats,
            @Nullable @Min(1) @Max(200_000) Integer capacity,
            @Nullable @Size(max = 20_000) Set<String> accessibleSeats,
            @Nullable @Size(max = 20_000) Set<String> restrictedViewSeats) {

        @AssertTrue(message = "a SEATED section needs rows and seats; a GENERAL_ADMISSION area needs capacity only")
        boolean isShapeConsistent() {
            return kind == SectionKind.SEATED ? rows != null && seats != null && capacity == null
                    : rows == null && seats == null && capacity != null;
        }
    }

    record SeatRequest(@NotBlank @Size(max = 10) String row, @Min(1) @Max(9999) int number, boolean accessible,
            boolean restrictedView) {
    }

    record AddSeatsRequest(@NotEmpty @Size(max = 5_000) List<@Valid @NotNull SeatRequest> seats) {
    }

    record SeatFlagsRequest(boolean accessible, boolean restrictedView) {
    }

    record SeatResponse(UUID id, String row, int number, boolean accessible, boolean restrictedView) {
        static SeatResponse of(Seat seat) {
            return new SeatResponse(seat.id(), seat.row(), seat.number(), seat.accessible(), seat.restrictedView());
        }
    }

    record SectionResponse(UUID id, String code, String name, SectionKind kind, int capacity,
            List<SeatResponse> seats) {
        static SectionResponse of(Section section, List<Seat> seats) {
            return new SectionResponse(section.id(), section.code(), section.name(), section.kind(),
                    section.capacity(), seats.stream().map(SeatResponse::of).toList());
        }
    }

    record SeatMapResponse(VenueResponse venue, List<SectionResponse> sections) {
        static SeatMapResponse of(SeatMap map) {
            return new SeatMapResponse(VenueResponse.of(map.venue()), map.sections().stream()
                    .map(s -> SectionResponse.of(s.section(), s.seats())).toList());
        }
    }

    @PostMapping
    @Operation(operationId = "createVenue", summary = "Create a venue for one of the caller's organizations")
    @ApiResponse(responseCode = "201", description = "The venue")
    ResponseEntity<VenueResponse> create(CurrentUser user, @Valid @RequestBody CreateVenueRequest request) {
        Venue venue = venues.create(user::canManage, request.organizationId(), request.name(), request.city(),
                request.address(), request.timezone());
        return ResponseEntity.created(URI.create("/api/v1/admin/venues/" + venue.id())).body(VenueResponse.of(venue));
    }

    @GetMapping
    @Operation(operationId = "listVenues", summary = "List the venues of the caller's organizations (every venue for an admin)")
    PageResponse<VenueResponse> list(CurrentUser user, @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return venues.list(List.copyOf(user.organizations()), user.isAdmin(), new PageQuery(page, size))
                .map(VenueResponse::of);
    }

    @GetMapping("/{venueId}")
    @Operation(operationId = "getSeatMap", summary = "Get a venue with its sections and seats")
    SeatMapResponse seatMap(CurrentUser user, @PathVariable UUID venueId) {
        return SeatMapResponse.of(venues.seatMap(user::canManage, venueId));
    }

    @PostMapping("/{venueId}/sections")
    @Operation(operationId = "addSection", summary = "Add a seated section (rows x seats) or a general-admission area",
            description = "A SEATED section needs `rows` and `seats`; a GENERAL_ADMISSION area needs `capacity` only.")
    @ApiResponse(responseCode = "201", description = "The section, with its seats")
    @ApiResponse(responseCode = "409", description = "`seat-map-conflict`: the code is taken, or the venue has events on sale.")
    ResponseEntity<SectionResponse> addSection(CurrentUser user, @PathVariable UUID venueId,
            @Valid @RequestBody CreateSectionRequest request) {
        SectionResponse created;
        if (request.kind() == SectionKind.SEATED) {
            var section = venues.addSeatedSection(user::canManage, venueId, request.code(), request.name(),
                    new RowRange(request.rows().from(), request.rows().to()), request.seats().from(),
                    request.seats().to(), orEmpty(request.accessibleSeats()), orEmpty(request.restrictedViewSeats()));
            created = SectionResponse.of(section.section(), section.seats());
        } else {
            created = SectionResponse.of(venues.addGeneralAdmissionArea(user::canManage, venueId, request.code(),
                    request.name(), request.capacity()), List.of());
        }
        return ResponseEntity.created(URI.create("/api/v1/admin/venues/" + venueId)).body(created);
    }

    @PostMapping("/{venueId}/sections/{sectionId}/seats")
    @Operation(operationId = "addSeats", summary = "Add seats to a seated section")
    @ApiResponse(responseCode = "201", description = "The seats added")
    @ApiResponse(responseCode = "409", description = "`seat-map-conflict`: a seat exists, or the venue has events on sale.")
    ResponseEntity<List<SeatResponse>> addSeats(CurrentUser user, @PathVariable UUID venueId,
            @PathVariable UUID sectionId, @Valid @RequestBody AddSeatsRequest request) {
        List<Seat> seats = venues.addSeats(user::canManage, venueId, sectionId, request.seats().stream()
                .map(s -> new SeatSpec(s.row(), s.number(), s.accessible(), s.restrictedView())).toList());
        return ResponseEntity.created(URI.create("/api/v1/admin/venues/" + venueId))
                .body(seats.stream().map(SeatResponse::of).toList());
    }

    @PutMapping("/{venueId}/sections/{sectionId}/seats/{seatId}")
    @Operation(operationId = "setSeatFlags", summary = "Mark a seat accessible or with a restricted view")
    SeatResponse setFlags(CurrentUser user, @PathVariable UUID venueId, @PathVariable UUID sectionId,
            @PathVariable UUID seatId, @Valid @RequestBody SeatFlagsRequest request) {
        return SeatResponse.of(venues.setSeatFlags(user::canManage, venueId, sectionId, seatId, request.accessible(),
                request.restrictedView()));
    }

    private static Set<String> orEmpty(@Nullable Set<String> labels) {
        return labels == null ? Set.of() : labels;
    }
}
