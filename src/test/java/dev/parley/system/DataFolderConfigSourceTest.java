package dev.parley.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where Parley's generated keys go: the data folder of a running instance, never the package. */
class DataFolderConfigSourceTest {

    @TempDir
    Path dataDir;

    @AfterEach
    void endTraining() {
        System.clearProperty(DataFolderConfigSource.APPCDS_TRAINING);
    }

    @Test
    void aRunningInstanceKeepsItsKeysInTheDataFolder() {
        String key = new DataFolderConfigSource(dataDir).getValue(DataFolderConfigSource.SESSION_KEY);

        assertTrue(Files.exists(dataDir.resolve("secrets.properties")));
        assertEquals(key, new DataFolderConfigSource(dataDir).getValue(DataFolderConfigSource.SESSION_KEY));
    }

    @Test
    void recordingTheClassDataArchiveWritesNoKeyFile() {
        System.setProperty(DataFolderConfigSource.APPCDS_TRAINING, "true");

        assertNotNull(new DataFolderConfigSource(dataDir).getValue(DataFolderConfigSource.SESSION_KEY));
        assertNotNull(new DataFolderConfigSource(dataDir).getValue(DataFolderConfigSource.SECRETS_KEY));
        assertFalse(Files.exists(dataDir.resolve("secrets.properties")));
    }
}
