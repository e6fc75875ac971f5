package dev.parley.system;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Registers {@link DataFolderConfigSource} with the data folder the deployment configured, so that
 * {@code parley.data-path} and {@code parley.session-key} resolve: the key from the environment when set, otherwise a key
 * generated once into the data folder.
 */
public class DataFolderConfigSourceFactory implements ConfigSourceFactory {

    static final String DATA_DIR = "parley.data-dir";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue dataDir = context.getValue(DATA_DIR);
        String folder = dataDir == null || dataDir.getValue() == null ? "./data" : dataDir.getValue();
        return List.of(new DataFolderConfigSource(Path.of(folder)));
    }
}
