package dev.parley.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The owner's content rules, WordPress semantics: each non-empty line of a word list is a word or phrase
 * matched anywhere (also inside longer words) in the comment, name, email, website and IP address.
 * Disallowed words send a comment to spam; moderation words and {@code holdLinks} or more links hold it.
 */
public record RuleSet(List<String> moderationWords, List<String> disallowedWords, int holdLinks) {

    public static RuleSet of(String moderationWords, String disallowedWords, int holdLinks) {
        return new RuleSet(lines(moderationWords), lines(disallowedWords), holdLinks);
    }

    /** The words of a textarea, one per line, blank lines dropped. */
    public static List<String> lines(String text) {
        List<String> words = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    words.add(line.strip());
                }
            }
        }
        return List.copyOf(words);
    }

    /** Every rule the submission breaks; spam findings first. */
    public List<Finding> check(Submission s) {
        Map<String, List<String>> fields = fieldsOf(s);
        List<Finding> findings = new ArrayList<>();
        addWordFindings(findings, fields, disallowedWords, Finding.Severity.SPAM, "disallowed word");
        addWordFindings(findings, fields, moderationWords, Finding.Severity.HOLD, "moderation word");
        int links = LinkCount.of(s.body());
        if (holdLinks > 0 && links >= holdLinks) {
            findings.add(Finding.hold("contains " + links + (links == 1 ? " link" : " links")));
        }
        return findings;
    }

    private static void addWordFindings(
            List<Finding> findings,
            Map<String, List<String>> fields,
            List<String> words,
            Finding.Severity severity,
            String what) {
        for (String word : words) {
            String folded = TextFolding.fold(word);
            if (folded.isBlank()) {
                continue;
            }
            fields.forEach((field, texts) -> {
                if (texts.stream().anyMatch(text -> text.contains(folded))) {
                    findings.add(new Finding(severity, what + " '" + word + "' in " + field));
                }
            });
        }
    }

    /** Each field folded twice: with markup removed (a word split by tags) and kept (a word inside brackets). */
    private static Map<String, List<String>> fieldsOf(Submission s) {
        Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
        fields.put("comment", bothFoldings(s.body()));
        fields.put("name", bothFoldings(s.authorName()));
        fields.put("email", bothFoldings(s.authorEmail()));
        fields.put("website", bothFoldings(s.authorUrl()));
        fields.put("IP address", bothFoldings(s.ip()));
        return fields;
    }

    private static List<String> bothFoldings(String text) {
        return List.of(TextFolding.fold(text), TextFolding.foldKeepingTags(text));
    }
}
