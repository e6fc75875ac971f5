package dev.parley.system;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Online backups of the embedded H2 database, taken while Parley serves: H2's {@code BACKUP TO} writes a
 * consistent copy of the database file into {@code $PARLEY_DATA_DIR/backups/parley-<time>.zip}, which
 * {@code org.h2.tools.Restore} puts back (see the README). The newest {@code PARLEY_BACKUP_KEEP} are kept.
 * The PostgreSQL build does nothing here: PostgreSQL is backed up with its own tools.
 */
@ApplicationScoped
public class H2Backup {

    private static final Logger LOG = Logger.getLogger(H2Backup.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String databaseKind;

    @ConfigProperty(name = DataFolderConfigSource.DATA_PATH)
    Path dataPath;

    @ConfigProperty(name = "parley.backup.keep")
    int keep;

    @Scheduled(
            identity = "h2-backup",
            every = "${parley.backup.every}",
            delayed = "${parley.backup.delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!"h2".equals(databaseKind)) {
            return;
        }
        Path written = backUp(Instant.now());
        LOG.infof("Backed up the database to %s", written);
    }

    /** Writes a backup and removes the oldest beyond the number to keep; returns the new file. */
    Path backUp(Instant now) {
        Path folder = dataPath.resolve("backups");
        Path target = folder.resolve("parley-" + STAMP.format(now) + ".zip");
        // Written under a temporary name and then renamed: a half-written file never looks like a backup.
        Path partial = folder.resolve(target.getFileName() + ".partial");
        try {
            Files.createDirectories(folder);
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            pruneBeyond(folder, keep);
            return target;
        } catch (SQLException e) {
            deleteQuietly(partial);
            throw new IllegalStateException("The database backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("The database backup could not be written to " + folder, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Only a leftover of a failed backup; the next run writes another name.
        }
    }

    private static void pruneBeyond(Path folder, int keep) throws IOException {
        List<Path> backups;
        try (Stream<Path> files = Files.list(folder)) {
            backups = files.filter(f -> f.getFileName().toString().matches("parley-\\d{8}-\\d{6}\\.zip"))
                    .sorted()
                    .toList();
        }
        for (int i = 0; i < backups.size() - Math.max(1, keep); i++) {
            Files.delete(backups.get(i));
        }
    }
}
