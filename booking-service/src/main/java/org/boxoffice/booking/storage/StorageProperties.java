package org.boxoffice.booking.storage;

import java.net.URI;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Where booking-service keeps its objects (docs/operations.md, "Object storage").
 *
 * @param type      {@code directory} (the default: files under {@code directory}, no server) or {@code s3}
 * @param directory the directory of the directory store
 * @param s3        the S3-compatible store
 */
@Validated
@ConfigurationProperties("boxoffice.storage")
public record StorageProperties(@DefaultValue("directory") @NotNull Type type,
        @NotNull Path directory,
        @DefaultValue @Valid @NotNull S3 s3) {

    public enum Type {
        DIRECTORY, S3
    }

    /**
     * @param endpoint     the store's URL (MinIO, Ceph, R2, …); empty for AWS S3 itself
     * @param region       the region (any value for most S3-compatible stores)
     * @param bucket       the bucket; it must exist unless {@code createBucket}
     * @param accessKey    the access key id (from a Secret); empty: the SDK's default credentials (instance role,
     *                     web identity, environment)
     * @param secretKey    the secret access key (from a Secret)
     * @param pathStyle    {@code https://host/bucket/key} rather than {@code https://bucket.host/key} (MinIO needs it)
     * @param createBucket create the bucket at start when it is missing (local and test stores)
     */
    public record S3(@Nullable URI endpoint, @DefaultValue("us-east-1") @NotBlank String region,
            @DefaultValue("boxoffice") @NotBlank String bucket, @Nullable String accessKey, @Nullable String secretKey,
            @DefaultValue("true") boolean pathStyle, @DefaultValue("false") boolean createBucket) {
    }
}
