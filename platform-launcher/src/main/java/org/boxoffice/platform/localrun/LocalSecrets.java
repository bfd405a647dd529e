package org.boxoffice.platform.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.boxoffice.platform.events.EventKeys;

/**
 * The local run's secrets: the demo password, the verification-code key and the services' event signing keys, each
 * generated once per checkout and kept in {@code .boxoffice} so that logins, codes and events survive a restart; and
 * a key for this run only.
 */
final class LocalSecrets {

    private final Path state;

    LocalSecrets(Path state) {
        this.state = state;
    }

    /** A random secret of this checkout, generated once and kept in {@code .boxoffice/<name>}. */
    String secret(String name, int length) throws IOException {
        Path file = state.resolve(name);
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < length; i++) {
            secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        Files.createDirectories(state);
        Files.writeString(file, secret + "\n");
        return secret.toString();
    }

    /** The demo password of this checkout: generated once, kept in .boxoffice so logins survive restarts. */
    String demoPassword() throws IOException {
        Path file = state.resolve("demo-password");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder("Demo-");
        for (int i = 0; i < 12; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        Files.createDirectories(state);
        Files.writeString(file, password + "\n");
        return password.toString();
    }

    /** A secret for this run only: passes of an earlier run need not outlive it (they last minutes). */
    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    /**
     * Each service's event signing key (every service but the gateway has the event bus): generated once, kept in
     * {@code .boxoffice/event-keys}, so that events already on the streams still verify after a restart.
     */
    Map<String, PrivateKey> eventKeys(Iterable<String> services) throws IOException {
        Path dir = state.resolve("event-keys");
        Files.createDirectories(dir);
        Map<String, PrivateKey> keys = new LinkedHashMap<>();
        for (String service : services) {
            if (service.equals("gateway-service")) {
                continue;
            }
            Path file = dir.resolve(service + ".key");
            if (!Files.exists(file)) {
                Files.writeString(file, EventKeys.encode(EventKeys.generate().getPrivate()) + "\n");
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // the key stays readable by the file system's defaults
                }
            }
            keys.put(service, EventKeys.privateKey(Files.readString(file).trim()));
        }
        return keys;
    }
}
