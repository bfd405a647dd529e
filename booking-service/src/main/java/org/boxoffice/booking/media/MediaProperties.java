package org.boxoffice.booking.media;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Organizers' images (docs/booking.md, "Images").
 *
 * @param maxImageSize largest upload accepted (the upload paths' body limit, boxoffice.http.max-upload-body, is the
 *                     outer one)
 * @param maxPixels    most pixels (width × height) an upload may have: decoding is bounded before it starts
 * @param minWidth     narrowest image accepted
 * @param widths       the widths stored (never wider than the upload)
 */
@ConfigurationProperties("boxoffice.booking.media")
public record MediaProperties(@DefaultValue("8MB") DataSize maxImageSize,
        @DefaultValue("40000000") long maxPixels, @DefaultValue("200") int minWidth,
        @DefaultValue({ "400", "800", "1600" }) List<Integer> widths) {
}
