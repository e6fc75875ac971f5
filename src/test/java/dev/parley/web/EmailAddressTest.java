package dev.parley.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One address, fit to be written into a mail header as it is: any script, never a list or a name. */
class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ann@example.org",
                "ann.o'neil+comments@mail.example.co.uk",
                "זואי@דוגמה.ישראל",
                "用户@例子.广告",
                "müller@bücher.de",
                "x_y-z@sub-domain.example.org"
            })
    void accepted(String address) {
        assertTrue(EmailAddress.isValid(address), address);
        assertTrue(address.matches(EmailAddress.PATTERN_OR_EMPTY), address);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a,b@example.org",
                "a<b>@example.org",
                "\"Ann\"@example.org",
                "ann@example.org>",
                "ann;bob@example.org",
                "ann@example",
                "ann@example.o",
                "ann@@example.org",
                "ann @example.org",
                "ann@exa mple.org",
                "ann@example.org\r\nBcc: x@example.org",
                "ann@.example.org"
            })
    void refused(String address) {
        assertFalse(EmailAddress.isValid(address), address);
        assertFalse(address.matches(EmailAddress.PATTERN_OR_EMPTY), address);
    }
}
