package org.boxoffice.booking.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Objects as files under a directory: the local default, needing no server. Each object is its bytes in
 * {@code <key>} and its media type in {@code <key>.type}; a put writes both to temporary files and moves them into
 * place, so a reader never sees half an object. For one machine (the local run, tests); in production use S3.
 */
final class DirectoryObjectStore implements ObjectStore {

    private static final String TYPE_SUFFIX = ".type";

    private final Path root;

    DirectoryObjectStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the object directory " + this.root, e);
        }
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        Path file = file(key);
        try {
            Files.createDirectories(file.getParent());
            // The type first: an object whose bytes are there always has its type.
            move(write(file, contentType.getBytes(StandardCharsets.UTF_8)),
                    file.resolveSibling(file.getFileName() + TYPE_SUFFIX));
            move(write(file, bytes), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + key, e);
        }
    }

    private static Path write(Path next, byte[] bytes) throws IOException {
        Path temporary = Files.createTempFile(next.getParent(), ".incoming-", ".tmp");
        Files.write(temporary, bytes);
        return temporary;
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public Optional<StoredObject> get(String key) {
        Path file = file(key);
        try {
            byte[] bytes = Files.readAllBytes(file);
            String type = Files.readString(file.resolveSibling(file.getFileName() + TYPE_SUFFIX));
            return Optional.of(new StoredObject(bytes, type));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        Path file = file(key);
        return Files.isRegularFile(file) && Files.isRegularFile(file.resolveSibling(file.getFileName() + TYPE_SUFFIX));
    }

    @Override
    public String kind() {
        return "directory";
    }

    private Path file(String key) {
        Path file = root.resolve(ObjectStore.requireKey(key)).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("not an object key: " + key);
        }
        return file;
    }
}
