package dev.parley.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.AppProcess;
import dev.parley.support.Browser;
import dev.parley.support.GuestPost;
import dev.parley.support.SiteOwner;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database backs itself up while Parley serves, and the README's restore command brings a
 * backup back into a new data folder, comments included. The restored instance logs in JSON.
 */
@Tag("h2")
class BackupIT {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void anOnlineBackupRestoresWithTheReadmeCommand() throws Exception {
        Path dataDir = folder.resolve("data");
        Map<String, String> environment = AppProcess.withOwner(
                Map.of("PARLEY_BACKUP_EVERY", "2s", "PARLEY_BACKUP_DELAY", "0s", "PARLEY_BACKUP_KEEP", "2"));
        String body = "Kept by the backup";
        try (AppProcess app = new AppProcess(dataDir, environment).start()) {
            SiteOwner.changeSettings(SiteOwner.signIn(app.baseUri()), Map.of("minFormSeconds", "0"));
            assertEquals(
                    303,
                    GuestPost.fill(app.baseUri(), "hello-world", 1, body).send().status());
            // A backup begun after the comment was posted (its name says when, to the second), while the
            // application serves.
            String postedAt = "parley-" + STAMP.format(Instant.now().plusSeconds(1));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> backups(dataDir).stream()
                            .anyMatch(file -> file.getFileName().toString().compareTo(postedAt) > 0));
        }
        assertTrue(backups(dataDir).size() <= 2, "older backups beyond PARLEY_BACKUP_KEEP are removed");
        Path newest = backups(dataDir).get(backups(dataDir).size() - 1);

        // The README: java -cp "<app>/lib/main/*" org.h2.tools.Restore -file <backup> -dir <data folder> -db parley
        Path restored = folder.resolve("restored");
        Files.createDirectories(restored);
        Files.copy(dataDir.resolve("secrets.properties"), restored.resolve("secrets.properties"));
        Path lib = Path.of(System.getProperty("parley.app.jar", "target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath()
                .getParent()
                .resolve("lib/main/*");
        Process restore = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        lib.toString(),
                        "org.h2.tools.Restore",
                        "-file",
                        newest.toString(),
                        "-dir",
                        restored.toString(),
                        "-db",
                        "parley")
                .redirectErrorStream(true)
                .start();
        String output = new String(restore.getInputStream().readAllBytes());
        assertTrue(restore.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, restore.exitValue(), output);

        // Started with JSON logs this time, as a log collector would read them.
        try (AppProcess app = new AppProcess(restored, Map.of("PARLEY_LOG_JSON", "true")).start()) {
            List<String> lines =
                    app.log().lines().filter(line -> !line.isBlank()).toList();
            assertTrue(lines.size() > 3, app::log);
            for (String line : lines) {
                assertTrue(JsonPath.from(line).getString("message") != null, () -> "not a JSON log record: " + line);
            }
            Browser owner = SiteOwner.signIn(app.baseUri());
            assertTrue(owner.open("/moderation").shows(body), "the comment is back, pending as it was");
            assertTrue(new Browser(app.baseUri()).open("/articles/hello-world").has("#commentform"));
        }
    }

    private static List<Path> backups(Path dataDir) throws IOException {
        Path folder = dataDir.resolve("backups");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(
                    files.filter(f -> f.toString().endsWith(".zip")).sorted().toList());
        }
    }
}
