package dev.parley.system;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Registers {@link GeneratedKeysConfigSource} with the data folder the deployment configured, so that
 * {@code parley.session-key} always resolves: from the environment when set, otherwise from a key
 * generated once into the data folder.
 */
public class GeneratedKeysConfigSourceFactory implements ConfigSourceFactory {

    static final String DATA_DIR = "parley.data-dir";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue dataDir = context.getValue(DATA_DIR);
        String folder = dataDir == null || dataDir.getValue() == null ? "./data" : dataDir.getValue();
        return List.of(new GeneratedKeysConfigSource(Path.of(folder)));
    }
}
