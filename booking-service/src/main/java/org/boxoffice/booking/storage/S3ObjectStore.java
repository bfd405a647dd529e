package org.boxoffice.booking.storage;

import java.util.Optional;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Objects in a bucket of any S3-compatible store, through the AWS SDK for Java v2: one key, one object, its media type
 * as the object's {@code Content-Type}. The bucket must exist (the chart does not create it) unless
 * {@code boxoffice.storage.s3.create-bucket} is set.
 */
final class S3ObjectStore implements ObjectStore {

    private final S3Client s3;
    private final String bucket;

    S3ObjectStore(S3Client s3, String bucket, boolean createBucket) {
        this.s3 = s3;
        this.bucket = bucket;
        if (createBucket && !bucketExists()) {
            s3.createBucket(request -> request.bucket(bucket));
        }
    }

    private boolean bucketExists() {
        try {
            s3.headBucket(request -> request.bucket(bucket));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        s3.putObject(request -> request.bucket(bucket).key(ObjectStore.requireKey(key)).contentType(contentType)
                .contentLength((long) bytes.length), RequestBody.fromBytes(bytes));
    }

    @Override
    public Optional<StoredObject> get(String key) {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(request -> request.bucket(bucket)
                    .key(ObjectStore.requireKey(key)));
            String type = object.response().contentType();
            return Optional.of(new StoredObject(object.asByteArray(),
                    type == null ? "application/octet-stream" : type));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(request -> request.bucket(bucket).key(ObjectStore.requireKey(key)));
            return true;
        } catch (NoSuchKeyException missing) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public String kind() {
        return "s3";
    }
}
