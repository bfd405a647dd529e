package org.boxoffice.notification.announcement.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.boxoffice.notification.announcement.AnnouncementView;
import org.boxoffice.notification.announcement.Announcements;
import org.boxoffice.platform.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Organizers tell every ticket holder of their event something. Another organization's event is a 404. */
@Tag(name = "Notification administration", description = "Announcements, deliveries and the demo mailbox")
@RestController
@RequestMapping("/api/v1/admin/notifications/events/{eventId}/announcements")
class AnnouncementController {

    private final Announcements announcements;

    AnnouncementController(Announcements announcements) {
        this.announcements = announcements;
    }

    record AnnouncementRequest(@NotBlank @Size(max = 200) String subject, @NotBlank @Size(max = 5_000) String body) {
    }

    record AnnouncementResponse(UUID id, UUID eventId, String subject, int recipients, Instant createdAt) {

        static AnnouncementResponse of(AnnouncementView announcement) {
            return new AnnouncementResponse(announcement.id(), announcement.eventId(), announcement.subject(),
                    announcement.recipients(), announcement.createdAt());
        }
    }

    /** Accepted: the messages are queued on the bulk lane and go out in batches. */
    @PostMapping
    @Operation(operationId = "announceToEventBuyers", summary = "Send a message to every buyer of an event",
            description = "Accepted: the messages are queued on the bulk lane and go out in batches; `Location` lists "
                    + "their deliveries.")
    @ApiResponse(responseCode = "202", description = "Queued", headers = @Header(name = "Location",
            description = "The deliveries of this announcement", schema = @Schema(type = "string")))
    ResponseEntity<AnnouncementResponse> announce(CurrentUser user, @PathVariable UUID eventId,
            @Valid @RequestBody AnnouncementRequest request) {
        AnnouncementView announcement = announcements.announce(user, eventId, request.subject().strip(), request.body().strip());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/admin/notifications/deliveries?sourceId=" + announcement.id()))
                .body(AnnouncementResponse.of(announcement));
    }
}
