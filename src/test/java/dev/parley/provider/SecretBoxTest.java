package dev.parley.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final SecretBox box = new SecretBox("k".repeat(40));

    @Test
    void sealedSecretsOpenWithTheSameKeyOnly() {
        String sealed = box.seal("client-secret-123");
        assertFalse(sealed.contains("client-secret-123"));
        assertNotEquals(sealed, box.seal("client-secret-123"), "a fresh nonce every time");
        assertEquals("client-secret-123", box.open(sealed));
        assertThrows(IllegalArgumentException.class, () -> new SecretBox("o".repeat(40)).open(sealed));
    }

    @Test
    void alteredSecretsAreRefused() {
        String sealed = box.seal("secret");
        String altered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A=") ? "B=" : "A=");
        assertThrows(IllegalArgumentException.class, () -> box.open(altered));
    }

    @Test
    void shortKeysAreRefused() {
        assertThrows(IllegalStateException.class, () -> new SecretBox("short"));
    }
}
