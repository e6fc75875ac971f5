package dev.parley.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Failsafe runs the integration tests tagged with the build's database ({@code h2} or {@code postgresql}):
 * an integration test without either tag would never run, silently.
 */
class IntegrationTestTagsTest {

    @Test
    void everyIntegrationTestSaysWhichBuildsItRunsOn() throws IOException {
        List<Path> tests;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            tests = files.filter(file -> file.getFileName().toString().endsWith("IT.java"))
                    .toList();
        }
        assertFalse(tests.isEmpty());
        for (Path test : tests) {
            String source = Files.readString(test);
            assertTrue(
                    source.contains("@Tag(\"h2\")") || source.contains("@Tag(\"postgresql\")"),
                    () -> test + " has neither @Tag(\"h2\") nor @Tag(\"postgresql\"), so no build runs it");
        }
    }
}
