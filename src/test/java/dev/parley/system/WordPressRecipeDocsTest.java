package dev.parley.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's WordPress recipe is the one docker/wordpress/check.sh tried on a real WordPress: the Apache
 * snippet a reader copies is the file the check installs, and the plugin folder it names is there.
 */
class WordPressRecipeDocsTest {

    private static final Path RECIPE = Path.of("docker/wordpress");

    @Test
    void apacheSnippetIsTheCheckedFile() throws IOException {
        String section = wordPressSection();
        Matcher block = Pattern.compile("(?s)\\n( *)```apache\\n(.*?)\\n\\1```").matcher(section);
        assertTrue(block.find(), "no ```apache block in the README's WordPress section");
        String indent = block.group(1);
        String snippet = block.group(2)
                .lines()
                .map(line -> line.startsWith(indent) ? line.substring(indent.length()) : line)
                .collect(Collectors.joining("\n", "", "\n"));
        assertEquals(Files.readString(RECIPE.resolve("apache-parley.conf")), snippet);
    }

    @Test
    void pluginFolderIsWhereTheReadmeSays() throws IOException {
        String section = wordPressSection();
        assertTrue(section.contains("`docker/wordpress/parley-comments/`"), "the README names another folder");
        String plugin = Files.readString(RECIPE.resolve("parley-comments/parley-comments.php"));
        assertTrue(plugin.contains("Plugin Name:       Parley comments"), "not the plugin WordPress lists");
        assertTrue(
                plugin.contains("License:           GPL-2.0-or-later"),
                "WordPress plugins need a GPL-compatible licence");
        assertTrue(Files.exists(RECIPE.resolve("parley-comments/comments.php")), "the template is missing");
        for (String setting : new String[] {"Parley’s address from this server", "Public prefix"}) {
            assertTrue(plugin.contains(setting), () -> "the settings page has no " + setting);
            assertTrue(
                    section.contains("**" + setting.replace('’', '\'') + "**"), () -> "the README has no " + setting);
        }
    }

    /** From "### WordPress" to the next heading (the snippet's own "#" comments are indented in the list). */
    private static String wordPressSection() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n### WordPress\n");
        assertTrue(start >= 0, "the README has no WordPress section");
        Matcher next = Pattern.compile("\n#{1,3} ").matcher(readme);
        return next.find(start + 1) ? readme.substring(start, next.start()) : readme.substring(start);
    }
}
