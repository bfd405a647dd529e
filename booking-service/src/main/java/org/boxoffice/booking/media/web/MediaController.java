package org.boxoffice.booking.media.web;

import java.time.Duration;

import org.boxoffice.booking.media.Images;
import org.boxoffice.booking.storage.ObjectStore;
import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Event and venue images, public. A name is the hash of the bytes, so an answer never changes: it is cached for a
 * year and marked immutable, and a CDN in front of the gateway can serve it without asking again.
 */
@Tag(name = "Media", description = "Event and venue images")
@RestController
@RequestMapping("/api/v1/media")
class MediaController {

    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final Images images;

    MediaController(Images images) {
        this.images = images;
    }

    /** No stored image of that name. */
    static final class ImageNotFound extends ProblemException {
        ImageNotFound() {
            super(ProblemType.NOT_FOUND, "No image of that name.");
        }
    }

    @GetMapping("/images/{name}")
    @Operation(operationId = "getImage", summary = "An event or venue image (one stored width)",
            description = "Names come from an event's or venue's `image`. Immutable: cached for a year.")
    @ApiResponse(responseCode = "200", description = "The image", content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")) })
    @ApiResponse(responseCode = "304", description = "Not modified (`If-None-Match`)")
    @ApiResponse(responseCode = "404", description = "`not-found`: no image of that name.")
    ResponseEntity<byte[]> image(@PathVariable String name,
            @RequestHeader(name = "If-None-Match", required = false) @Nullable String ifNoneMatch) {
        ObjectStore.StoredObject image = images.open(name).orElseThrow(ImageNotFound::new);
        String etag = "\"" + name.substring(0, name.indexOf('.')) + "\"";
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(FOREVER).build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType())).eTag(etag)
                .cacheControl(FOREVER).body(image.bytes());
    }
}
