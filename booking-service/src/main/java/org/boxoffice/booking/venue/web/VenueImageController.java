package org.boxoffice.booking.venue.web;

import java.util.UUID;

import org.boxoffice.booking.media.ImageOwner;
import org.boxoffice.booking.media.Images;
import org.boxoffice.booking.media.web.ImageResponse;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;
import org.boxoffice.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
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

/** Organizers give a venue its image: the one its events show when they have none of their own. */
@Tag(name = "Venue administration", description = "Organizers' venues and their seat maps")
@RestController
@RequestMapping("/api/v1/admin/venues/{venueId}/image")
class VenueImageController {

    private final VenueService venues;
    private final Images images;

    VenueImageController(VenueService venues, Images images) {
        this.venues = venues;
        this.images = images;
    }

    /** The venue has no image yet. */
    static final class NoImage extends ProblemException {
        NoImage() {
            super(ProblemType.NOT_FOUND, "The venue has no image yet.");
        }
    }

    @PutMapping(consumes = { MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE })
    @Operation(operationId = "setVenueImage", summary = "Upload the venue's image (PNG or JPEG, up to 8 MB)",
            description = "The body is the image itself; events at the venue without an image of their own show it.")
    @ApiResponse(responseCode = "200", description = "The venue's image")
    @ApiResponse(responseCode = "404", description = "`venue-not-found`: no such venue of the caller's organizations.")
    @ApiResponse(responseCode = "413", description = "`payload-too-large`.")
    @ApiResponse(responseCode = "415", description = "`unsupported-image-type`: not a PNG or JPEG.")
    @ApiResponse(responseCode = "422", description = "`invalid-image` (`reason`: size, pixels, width, damaged).")
    ImageResponse set(CurrentUser user, @PathVariable UUID venueId, @RequestBody byte[] image,
            @Parameter(description = "What the picture shows, for people who cannot see it: the text alternative "
                    + "(`alt`) the pages give it. Without one the image is shown as decoration.")
            @RequestParam(required = false) @Nullable @Size(max = 250) String description) {
        venues.get(user::canManage, venueId);
        return ImageResponse.of(images.attach(ImageOwner.VENUE, venueId, image, description));
    }

    @GetMapping
    @Operation(operationId = "getVenueImage", summary = "The venue's image")
    @ApiResponse(responseCode = "200", description = "The venue's image")
    @ApiResponse(responseCode = "404", description = "`venue-not-found`, or `not-found`: the venue has no image.")
    ImageResponse get(CurrentUser user, @PathVariable UUID venueId) {
        venues.get(user::canManage, venueId);
        return images.find(ImageOwner.VENUE, venueId).map(ImageResponse::of).orElseThrow(NoImage::new);
    }
}
