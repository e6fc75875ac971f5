package dev.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CSRF token as pages carry it: masked afresh on every answer, and read back from the form field. */
class FormTokenMaskTest {

    private static final String TOKEN = "q7Yx2-Lp_0aZ9bC8dE7fG6";

    @Test
    void aMaskedTokenReadsBackAndNeverShowsTheTokenItself() {
        String masked = FormToken.masked(TOKEN);

        assertEquals(TOKEN, FormToken.unmasked(masked));
        assertFalse(masked.contains(TOKEN));
        assertTrue(masked.matches("~[A-Za-z0-9_-]+"), "safe in an attribute and a form body as it is: " + masked);
    }

    @Test
    void everyMaskIsNew() {
        assertNotEquals(FormToken.masked(TOKEN), FormToken.masked(TOKEN));
    }

    @Test
    void theLongestTokenReadsBack() {
        String longest = "a".repeat(64);

        assertEquals(longest, FormToken.unmasked(FormToken.masked(longest)));
    }

    @Test
    void aFieldThatIsNotMaskedIsTheTokenItself() {
        // Pages served before masking, and scripts that copy the cookie, still post.
        assertEquals(TOKEN, FormToken.unmasked(TOKEN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"~", "~!!!", "~QQ", "~QUJD", "~ä", "~QUJDRA==x"})
    void aMalformedMaskedFieldIsNoToken(String field) {
        assertNull(FormToken.unmasked(field));
    }

    @Test
    void anOverlongMaskedFieldIsNotDecoded() {
        assertNull(FormToken.unmasked("~" + "QUJD".repeat(1000)));
    }
}
