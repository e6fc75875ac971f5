package dev.parley.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core, the released npm package the build fetches into target/axe, run in the page Chromium shows. The
 * script is injected through WebDriver, which the page's Content-Security-Policy does not apply to, so the
 * site's policy stays as strict as it is for readers.
 */
public final class Axe {

    /** WCAG 2.0, 2.1 and 2.2, levels A and AA: what Parley promises. */
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
              .then(function (result) {
                done(result.violations.map(function (v) {
                  return {rule: v.id, impact: v.impact || '', help: v.help,
                          targets: v.nodes.map(function (n) { return n.target.join(' '); })};
                }));
              })
              .catch(function (error) { done([{rule: 'axe-error', impact: 'critical', help: String(error), targets: []}]); });
            """;

    private final String script;

    private Axe(String script) {
        this.script = script;
    }

    /** Reads the script fetched by the build (path in the system property {@code parley.axe.script}). */
    public static Axe load() {
        Path path = Path.of(System.getProperty("parley.axe.script", "target/axe/node_modules/axe-core/axe.min.js"));
        assertTrue(
                Files.isReadable(path),
                "axe-core is needed for this test and is fetched by the build with npm: " + path
                        + " is missing (is npm installed? .ci/run installs it)");
        try {
            return new Axe(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One rule broken on the page: which, how badly, where (CSS selectors), and what it asks for. */
    public record Violation(String rule, String impact, String help, List<String> targets) {

        @Override
        public String toString() {
            return rule + " (" + impact + "): " + help + " at " + targets;
        }
    }

    /** Checks the page as it is now (injecting axe-core once per page). */
    @SuppressWarnings("unchecked")
    public List<Violation> check(ChromeDriver browser) {
        if (!Boolean.TRUE.equals(browser.executeScript("return typeof window.axe === 'object';"))) {
            browser.executeScript(script);
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        List<Map<String, Object>> found = (List<Map<String, Object>>) browser.executeAsyncScript(RUN);
        return found.stream()
                .map(v -> new Violation(
                        (String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"), (List<String>)
                                v.get("targets")))
                .toList();
    }
}
