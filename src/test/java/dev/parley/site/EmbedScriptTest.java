package dev.parley.site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The script tag stays small and self-contained. */
class EmbedScriptTest {

    private static final Path SCRIPT = Path.of("src/main/resources/assets/embed.js");

    @Test
    void atMostEightKilobytesGzipped() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(Files.readAllBytes(SCRIPT));
        }
        assertTrue(compressed.size() <= 8 * 1024, () -> "embed.js is " + compressed.size() + " bytes gzipped");
    }

    @Test
    void namesNoOtherServerAndLoadsNoOtherScript() throws IOException {
        String script = Files.readString(SCRIPT);
        Matcher address =
                Pattern.compile("(?i)\\b(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}").matcher(script);
        assertFalse(address.find(), () -> "embed.js names a server: " + address.group());
        assertFalse(script.contains("import("), "no module loaded at run time");
        assertFalse(script.contains("createElement('script')"), "no script added to the page");
        assertFalse(script.contains("eval("), "no code made from text");
    }
}
