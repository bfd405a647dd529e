/**
 * Object storage through the S3 API: event and venue images, ticket PDFs. {@link ObjectStore} is a directory on this
 * machine by default (no server needed) and any S3-compatible store in production (AWS S3, MinIO, Ceph, R2, …),
 * chosen by {@link StorageProperties}. Infrastructure: it knows no feature.
 */
@NullMarked
package org.boxoffice.booking.storage;

import org.jspecify.annotations.NullMarked;
