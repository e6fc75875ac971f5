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
 * The lowest-priority source of Parley's keys. The environment ({@code PARLEY_SESSION_KEY}) wins; when it
 * is absent, this source generates the keys once into {@code <data folder>/secrets.properties} and keeps
 * using them, so a single instance needs no set-up.
 *
 * <p>Keys are generated lazily, on the first lookup, so that building the application never writes
 * into a data folder.
 */
public class GeneratedKeysConfigSource implements ConfigSource {

    static final String SESSION_KEY = "parley.session-key";
    private static final Set<String> KEYS = Set.of(SESSION_KEY);
    private static final String FILE_NAME = "secrets.properties";
    private static final Logger LOG = Logger.getLogger(GeneratedKeysConfigSource.class);

    private final Path file;
    private volatile Properties keys;

    GeneratedKeysConfigSource(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
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
        if (!KEYS.contains(propertyName)) {
            return null;
        }
        return loadOrGenerate().getProperty(propertyName);
    }

    @Override
    public String getName() {
        return "Parley generated keys (" + file + ")";
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
                        "Generated the session key into %s. This is right for a single instance; several"
                                + " instances must share it: set PARLEY_SESSION_KEY on all of them.",
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
