package dev.parley.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Moderation and disallowed words, WordPress semantics, across Unicode and markup; the link count. */
class RuleSetTest {

    private static final RuleSet CASINO = RuleSet.of("casino", "", 0);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Visit my casino",
                "CASINO night",
                "the Casinos are open",
                "ca<b>sino</b> tonight",
                "c*a*sino",
                "ca_sino",
                "ｃａｓｉｎｏ",
                "ca&#115;ino",
                "ca&#x73;ino",
                "ca\u00ADsino",
                "ca\u200Bsino",
                "a <casino> in angle brackets"
            })
    void aWordMatchesHoweverItIsWritten(String body) {
        assertEquals(
                List.of(Finding.hold("moderation word 'casino' in comment")),
                CASINO.check(new Submission(body, "Ann", "ann@example.org", null, "10.0.0.1")),
                body);
    }

    @Test
    void caseFoldingWorksBeyondAscii() {
        RuleSet rules = RuleSet.of("straße\nКАЗИНО", "", 0);
        List<Finding> findings = rules.check(new Submission("Die STRASSE und das казино", null, null, null, null));
        assertEquals(
                List.of(
                        Finding.hold("moderation word 'straße' in comment"),
                        Finding.hold("moderation word 'КАЗИНО' in comment")),
                findings);
    }

    @Test
    void everyFieldIsSearchedAndNamedInTheReason() {
        RuleSet rules = RuleSet.of("casino\n203.0.113.", "viagra", 0);
        List<Finding> findings = rules.check(new Submission(
                "Hello", "Viagra Sales", "win@casino.example", "https://casino.example/", "203.0.113.7"));
        assertEquals(
                List.of(
                        Finding.spam("disallowed word 'viagra' in name"),
                        Finding.hold("moderation word 'casino' in email"),
                        Finding.hold("moderation word 'casino' in website"),
                        Finding.hold("moderation word '203.0.113.' in IP address")),
                findings);
    }

    @Test
    void blankLinesAndSpacesAroundWordsAreIgnored() {
        RuleSet rules = RuleSet.of("\n  casino  \n\n   \n", "", 0);
        assertEquals(List.of("casino"), rules.moderationWords());
        assertTrue(rules.check(new Submission("nothing to see", "", "", "", "")).isEmpty());
    }

    @Test
    void commentsWithTooManyLinksAreHeldAndTheLinksCounted() {
        RuleSet rules = RuleSet.of("", "", 2);
        assertTrue(rules.check(new Submission("one https://a.example link", null, null, null, null))
                .isEmpty());
        assertEquals(
                List.of(Finding.hold("contains 3 links")),
                rules.check(new Submission(
                        "http://a.example and HTTPS://b.example and www.c.example", null, null, null, null)));
        assertTrue(
                RuleSet.of("", "", 0)
                        .check(new Submission("http://a http://b http://c", null, null, null, null))
                        .isEmpty(),
                "0 switches the rule off");
    }

    @Test
    void linkCountIgnoresWwwInsideAnAddress() {
        assertEquals(1, LinkCount.of("https://www.example.org/page"));
        assertEquals(1, LinkCount.of("mail me at me@www.example.org or see www.example.org"));
        assertEquals(0, LinkCount.of("no links, just words"));
    }
}
