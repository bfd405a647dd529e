package org.boxoffice.booking.media;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Organizers' images (docs/booking.md, "Images").
 *
 * @param maxImageSize largest upload accepted (the upload paths' body limit, boxoffice.http.max-upload-body, is the
 *                     outer one)
 * @param maxPixels    most pixels (width × height) an upload may have: decoding is bounded before it starts
 * @param minWidth     narrowest image accepted
 * @param widths       the widths stored (never wider than the upload)
 */
@Validated
@ConfigurationProperties("boxoffice.booking.media")
public record MediaProperties(@DefaultValue("8MB") @NotNull DataSize maxImageSize,
        @DefaultValue("40000000") @Positive long maxPixels, @DefaultValue("200") @Positive int minWidth,
        @DefaultValue({ "400", "800", "1600" }) @NotEmpty List<@Positive Integer> widths) {
}
