package org.boxoffice.booking.event.web;

import java.util.UUID;

import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.media.ImageOwner;
import org.boxoffice.booking.media.Images;
import org.boxoffice.booking.media.web.ImageResponse;
import org.boxoffice.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Organizers give an event its image (shown on the event's page and in the catalogue). */
@Tag(name = "Event administration", description = "Organizers create events, price them and run their sales")
@RestController
@RequestMapping("/api/v1/admin/events/{eventId}/image")
class EventImageController {

    private final EventService events;
    private final Images images;

    EventImageController(EventService events, Images images) {
        this.events = events;
        this.images = images;
    }

    @PutMapping(consumes = { MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE })
    @Operation(operationId = "setEventImage", summary = "Upload the event's image (PNG or JPEG, up to 8 MB)",
            description = "The body is the image itself. Its type is read from its bytes; it is stored in a few "
                    + "widths, each at an immutable URL. A new upload replaces the event's image.")
    @ApiResponse(responseCode = "200", description = "The event's image")
    @ApiResponse(responseCode = "404", description = "`event-not-found`: no such event of the caller's organizations.")
    @ApiResponse(responseCode = "413", description = "`payload-too-large`.")
    @ApiResponse(responseCode = "415", description = "`unsupported-image-type`: not a PNG or JPEG.")
    @ApiResponse(responseCode = "422", description = "`invalid-image` (`reason`: size, pixels, width, damaged).")
    ImageResponse set(CurrentUser user, @PathVariable UUID eventId, @RequestBody byte[] image,
            @Parameter(description = "What the picture shows, for people who cannot see it: the text alternative "
                    + "(`alt`) the pages give it. Without one the image is shown as decoration.")
            @RequestParam(required = false) @Nullable @Size(max = 250) String description) {
        events.get(user::canManage, eventId);
        return ImageResponse.of(images.attach(ImageOwner.EVENT, eventId, image, description));
    }
}
