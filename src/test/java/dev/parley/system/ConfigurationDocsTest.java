package dev.parley.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An operator finds every setting Parley reads from the environment in the README's table. */
class ConfigurationDocsTest {

    /**
     * Derived values and build-time defaults, not settings ({@code parley.mail-tls.*}: what each value of
     * {@code PARLEY_MAIL_TLS} means to the mailer).
     */
    private static final Set<String> INTERNAL = Set.of("parley.data-path", "parley.default-db", "parley.mail-tls.");

    @Test
    void everyVariableIsInTheReadme() throws IOException {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        Set<String> variables = new TreeSet<>();
        Matcher reference = Pattern.compile("\\$\\{(PARLEY_[A-Z_]+)").matcher(properties);
        while (reference.find()) {
            variables.add(reference.group(1));
        }
        Matcher key = Pattern.compile("(?m)^(parley\\.[a-z.-]+)=").matcher(properties);
        while (key.find()) {
            String name = key.group(1);
            if (INTERNAL.stream().noneMatch(name::startsWith)) {
                variables.add(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
            }
        }
        String readme = Files.readString(Path.of("README.md"));
        Set<String> missing = new TreeSet<>();
        for (String variable : variables) {
            if (!readme.contains("`" + variable + "`")) {
                missing.add(variable);
            }
        }
        assertTrue(variables.size() > 15, variables::toString);
        assertTrue(missing.isEmpty(), () -> "not in the README's configuration table: " + missing);
    }
}
