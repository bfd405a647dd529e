package org.boxoffice.booking.storage;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Objects by key: bytes and their media type. Keys are lower-case paths ({@code images/3fa9….jpg},
 * {@code tickets/<id>.pdf}); a {@code put} replaces the object whole, so writing the same key twice with the same
 * bytes (two replicas rendering the same ticket PDF) is harmless.
 */
public interface ObjectStore {

    /** What a key may look like: no {@code ..}, no leading slash, nothing a directory or a bucket would misread. */
    Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_.-]*)*");

    void put(String key, byte[] bytes, String contentType);

    Optional<StoredObject> get(String key);

    boolean exists(String key);

    /** Which kind of store this is, for logs and health: {@code directory} or {@code s3}. */
    String kind();

    /** An object's bytes and media type. */
    record StoredObject(byte[] bytes, String contentType) {
    }

    static String requireKey(String key) {
        if (key.length() > 512 || !KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("not an object key: " + key);
        }
        return key;
    }
}
