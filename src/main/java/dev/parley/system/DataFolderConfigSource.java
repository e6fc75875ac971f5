package dev.parley.system;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * Values derived from the data folder ({@code PARLEY_DATA_DIR}), at the lowest priority:
 *
 * <ul>
 *   <li>{@code parley.data-path}: the folder as an absolute path, which H2 requires (it refuses a bare
 *       {@code data}), for the JDBC URL;
 *   <li>{@code parley.session-key} and {@code parley.secrets-key}: when the environment does not set
 *       {@code PARLEY_SESSION_KEY} or {@code PARLEY_SECRETS_KEY}, keys generated once into
 *       {@code <data folder>/secrets.properties} and reused, so a single instance needs no set-up.
 * </ul>
 *
 * <p>Keys are generated lazily, on the first lookup, so that building the application never writes
 * into a data folder. Quarkus's own recording of a class-data archive (AppCDS) starts the packaged application up
 * to its static initialisation ({@value #APPCDS_TRAINING}): that run gets keys that live in memory only, so
 * the package and the image built from it hold no key file. (Parley's training run, {@link TrainingRun}, has a
 * throw-away data folder of its own.)
 */
public class DataFolderConfigSource implements ConfigSource {

    static final String DATA_PATH = "parley.data-path";
    static final String SESSION_KEY = "parley.session-key";
    static final String SECRETS_KEY = "parley.secrets-key";
    private static final Set<String> KEYS = Set.of(SESSION_KEY, SECRETS_KEY);
    private static final String FILE_NAME = "secrets.properties";
    static final String APPCDS_TRAINING = "quarkus.appcds.generate";
    private static final Logger LOG = Logger.getLogger(DataFolderConfigSource.class);

    private final Path dataPath;
    private final Path file;
    private volatile Properties keys;

    DataFolderConfigSource(Path dataDir) {
        this.dataPath = dataDir.toAbsolutePath().normalize();
        this.file = dataPath.resolve(FILE_NAME);
    }

    @Override
    public Set<String> getPropertyNames() {
        // Listing must not generate anything (the build lists every source): values exist on lookup only.
        return Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public String getValue(String propertyName) {
        if (DATA_PATH.equals(propertyName)) {
            return dataPath.toString();
        }
        if (!KEYS.contains(propertyName)) {
            return null;
        }
        return loadOrGenerate().getProperty(propertyName);
    }

    @Override
    public String getName() {
        return "Parley data folder (" + dataPath + ")";
    }

    @Override
    public int getOrdinal() {
        // Below application.properties (250), the environment (300) and system properties (400).
        return 50;
    }

    private synchronized Properties loadOrGenerate() {
        if (keys != null) {
            return keys;
        }
        if (Boolean.getBoolean(APPCDS_TRAINING)) {
            keys = new Properties();
            KEYS.forEach(key -> keys.setProperty(key, randomKey()));
            return keys;
        }
        try {
            Properties stored = new Properties();
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    stored.load(reader);
                }
            }
            boolean changed = false;
            for (String key : KEYS) {
                if (stored.getProperty(key) == null) {
                    stored.setProperty(key, randomKey());
                    changed = true;
                }
            }
            if (changed) {
                write(stored);
                LOG.warnf(
                        "Generated Parley's keys into %s. This is right for a single instance; several"
                                + " instances must share them: set PARLEY_SESSION_KEY and PARLEY_SECRETS_KEY on all.",
                        file.toAbsolutePath().normalize());
            }
            keys = stored;
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read or create the key file " + file
                            + "; set PARLEY_SESSION_KEY or make the data folder writable",
                    e);
        }
    }

    private void write(Properties stored) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "secrets", ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own permissions apply.
        }
        try (Writer writer = Files.newBufferedWriter(temp)) {
            stored.store(writer, "Parley keys. Keep this file private; deleting it signs everyone out.");
        }
        Files.move(
                temp,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
