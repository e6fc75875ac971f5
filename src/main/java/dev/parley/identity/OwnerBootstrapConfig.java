package dev.parley.identity;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** {@code PARLEY_ADMIN_EMAIL} and {@code PARLEY_ADMIN_PASSWORD}: the site owner created at first start. */
@ConfigMapping(prefix = "parley.admin")
public interface OwnerBootstrapConfig {

    Optional<String> email();

    Optional<String> password();
}
