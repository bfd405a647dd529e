/**
 * Images of events and venues: organizers upload one, its type is read from its bytes and its size and dimensions
 * checked, it is resized into a few widths ({@link ImageVariants}), each variant stored under the hash of its bytes in
 * the object store, and served with {@code Cache-Control: immutable} so a CDN can keep it for a year. Knows no event
 * or venue: it keeps images by owner ({@link ImageOwner}).
 */
@NullMarked
package org.boxoffice.booking.media;

import org.jspecify.annotations.NullMarked;
