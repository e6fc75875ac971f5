package dev.parley.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The code blocks of a README section, so that a test runs exactly what a reader copies: the snippets are not
 * compared with the test's own copy, they are the test's input.
 */
public final class ReadmeSnippets {

    private ReadmeSnippets() {}

    /** The {@code n}-th (from 0) fenced block in language {@code language} under the heading, before the next one. */
    public static String block(String heading, String language, int n) {
        List<String> blocks = blocks(heading, language);
        assertTrue(blocks.size() > n, () -> "README: section \"" + heading + "\" has no " + language + " block " + n);
        return blocks.get(n);
    }

    public static List<String> blocks(String heading, String language) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf(heading);
        assertTrue(start >= 0, () -> "README has no heading " + heading);
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (block == null && line.startsWith("#")) {
                break;
            }
            if (block == null && line.strip().equals("```" + language)) {
                block = new StringBuilder();
            } else if (block != null && line.strip().equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }
}
