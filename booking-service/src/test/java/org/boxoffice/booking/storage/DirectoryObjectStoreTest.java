package org.boxoffice.booking.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DirectoryObjectStoreTest {

    @TempDir
    Path root;

    @Test
    void keepsAnObjectsBytesAndMediaTypeAndReplacesItWhole() {
        ObjectStore store = new DirectoryObjectStore(root);

        assertThat(store.exists("tickets/a.pdf")).isFalse();
        assertThat(store.get("tickets/a.pdf")).isEmpty();
        store.put("tickets/a.pdf", bytes("first"), "application/pdf");
        store.put("tickets/a.pdf", bytes("second"), "application/pdf");

        assertThat(store.exists("tickets/a.pdf")).isTrue();
        assertThat(store.get("tickets/a.pdf")).hasValueSatisfying(object -> {
            assertThat(object.bytes()).isEqualTo(bytes("second"));
            assertThat(object.contentType()).isEqualTo("application/pdf");
        });
        assertThat(new DirectoryObjectStore(root).get("tickets/a.pdf")).as("another replica on the same directory")
                .isPresent();
    }

    @Test
    void refusesKeysThatCouldLeaveItsDirectory() throws Exception {
        ObjectStore store = new DirectoryObjectStore(root.resolve("objects"));
        Files.writeString(root.resolve("secret"), "x");

        for (String key : new String[] { "../secret", "/etc/passwd", "images/../../secret", "Images/A.jpg", "",
                "images//a.jpg", "images/a.jpg\u0000" }) {
            assertThatIllegalArgumentException().as(key).isThrownBy(() -> store.get(key));
            assertThatIllegalArgumentException().as(key).isThrownBy(() -> store.put(key, bytes("x"), "text/plain"));
        }
        assertThat(Files.readString(root.resolve("secret"))).isEqualTo("x");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
