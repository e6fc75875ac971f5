package dev.parley.site;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Parley as the README's recipes expect it: under /comments of the host site. */
public class IncludeRecipesProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.path-prefix", "/comments");
    }
}
