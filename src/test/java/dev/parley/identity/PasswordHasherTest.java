package dev.parley.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void hashesAreSaltedAndVerify() {
        String first = hasher.hash("correct horse battery staple");
        String second = hasher.hash("correct horse battery staple");
        assertNotEquals(first, second);
        assertTrue(first.startsWith("pbkdf2-sha256$1000$"));
        assertTrue(hasher.matches("correct horse battery staple", first));
        assertFalse(hasher.matches("correct horse battery stapler", first));
        assertFalse(hasher.matches("anything", "not-a-hash"));
    }

    @Test
    void weakerOldHashesAreUpgraded() {
        String old = new PasswordHasher(500).hash("pw");
        assertTrue(hasher.needsRehash(old));
        assertFalse(hasher.needsRehash(hasher.hash("pw")));
        assertTrue(hasher.matches("pw", old), "old hashes still verify");
    }

    @Test
    void aShortSessionKeyIsRefused() {
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> new SessionService("short"));
        assertTrue(refused.getMessage().startsWith("PARLEY_SESSION_KEY must have at least 32 characters"));
    }

    @Test
    void waitsGrowAfterFiveFailuresAndAreCapped() {
        assertEquals(Duration.ofSeconds(30), LoginThrottle.waitAfter(5));
        assertEquals(Duration.ofSeconds(60), LoginThrottle.waitAfter(6));
        assertEquals(Duration.ofMinutes(15), LoginThrottle.waitAfter(50));
    }
}
