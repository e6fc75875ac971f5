package dev.parley.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.AppProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training run that {@code ./mvnw -Pappcds package} and the container image record their class-data archive
 * with: it must read the pages and send a comment as a reader would, then end by itself, or the archive misses the
 * classes of the first page (and a build that waits for it never ends).
 */
@Tag("h2")
class TrainingRunIT {

    @TempDir
    Path folder;

    @Test
    void readsThePagesSendsACommentAndEnds() throws Exception {
        try (AppProcess app = new AppProcess(folder.resolve("data"), Map.of("PARLEY_TRAINING", "true")).launch()) {
            app.awaitEnd(Duration.ofSeconds(90));

            assertEquals(0, app.exitCode(), app::log);
            assertTrue(
                    app.log().contains("Training run done (a guest comment answered 303)"),
                    () -> "the comment form was sent and accepted:\n" + app.log());
        }
    }
}
