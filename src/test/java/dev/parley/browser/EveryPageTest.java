package dev.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.browser.PageStates.PageState;
import dev.parley.support.Axe;
import dev.parley.support.Chromium;
import dev.parley.support.ChromiumTest;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * Every page and state of {@link PageStates} in headless Chromium: no WCAG 2.2 A/AA violation found by axe-core at
 * 1280 and 375 px, and no sideways scrolling at 1280, 375 and 320 px. One browser walks the whole list; a report
 * of what was found is written to target/accessibility-report.txt, and a full-page screenshot of each state at
 * 375 px to target/screenshots/pages/.
 */
@QuarkusTest
@TestProfile(EveryPageTest.OwnDatabase.class)
class EveryPageTest extends ChromiumTest {

    /** A database of its own: the set-up page is shown only while a site has no owner. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:parley-every-page;DB_CLOSE_DELAY=-1");
        }
    }

    private static final int[] AXE_WIDTHS = {1280, 375};
    private static final int[] SCROLL_WIDTHS = {1280, 375, 320};
    private static final int HEIGHT = 900;

    @Inject
    TestData data;

    @Inject
    PageFixtures fixtures;

    @Test
    void everyPageIsAccessibleAndFitsANarrowScreen() throws IOException {
        fixtures.build();
        Axe axe = Axe.load();
        Visit visit = new Visit(browser, base.toString(), fixtures, data);
        List<String> problems = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        int violations = 0;

        for (PageState state : PageStates.ALL) {
            visit.as(state.who());
            visit.viewport(1280, HEIGHT);
            state.reach().accept(visit);
            for (int width : SCROLL_WIDTHS) {
                visit.viewport(width, HEIGHT);
                long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth;");
                if (scrollWidth > width) {
                    problems.add(state.name() + " at " + width + " px: scrolls sideways, " + scrollWidth + " px wide ("
                            + widest() + ")");
                }
                if (width == 375) {
                    screenshot(visit, state);
                }
            }
            for (int width : AXE_WIDTHS) {
                visit.viewport(width, HEIGHT);
                List<Axe.Violation> found = axe.check(browser);
                int nodes = found.stream().mapToInt(v -> v.targets().size()).sum();
                violations += nodes;
                report.append(String.format("%-45s %5d px  %3d%n", state.name(), width, nodes));
                found.forEach(v -> {
                    report.append("    ").append(v).append('\n');
                    problems.add(state.name() + " at " + width + " px: " + v);
                });
            }
        }
        report.append("Total: ")
                .append(violations)
                .append(" elements in violation; ")
                .append(problems.size())
                .append(" problems\n");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "accessibility-report.txt"), report);
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    /** The keyboard focus ring stands out from the white page and from the grey tool pages, 3:1 at least. */
    @Test
    void theFocusRingContrastsWithWhatSurroundsIt() {
        browser.get(base.toString());
        new Actions(browser).sendKeys(Keys.TAB).perform();
        String ring = (String) browser.executeScript("return getComputedStyle(document.activeElement).outlineColor;");
        assertEquals("Skip to content", browser.switchTo().activeElement().getText());
        for (String around : List.of("rgb(255, 255, 255)", "rgb(246, 247, 247)")) {
            double contrast = contrast(ring, around);
            assertTrue(contrast >= 3, "focus ring " + ring + " on " + around + ": " + contrast + ":1");
        }
    }

    /** WCAG's contrast ratio of two CSS "rgb(r, g, b)" colours. */
    private static double contrast(String first, String second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,.]", "").split(",");
        double[] weights = {0.2126, 0.7152, 0.0722};
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double c = Double.parseDouble(parts[i]) / 255;
            sum += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return sum;
    }

    /** The elements that stick out furthest to the right, to say where to look. */
    private String widest() {
        return String.valueOf(browser.executeScript("""
                var width = document.documentElement.clientWidth, out = [];
                document.querySelectorAll('body *').forEach(function (e) {
                  var right = e.getBoundingClientRect().right;
                  if (right > width + 1) {
                    out.push({right: Math.round(right), what: e.tagName.toLowerCase()
                      + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined
                      ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '')});
                  }
                });
                out.sort(function (a, b) { return b.right - a.right; });
                return out.slice(0, 3).map(function (o) { return o.what + ' ' + o.right + 'px'; }).join(', ');
                """));
    }

    private void screenshot(Visit visit, PageState state) throws IOException {
        Files.createDirectories(Path.of("target", "screenshots", "pages"));
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
        visit.viewport(375, (int) Math.min(height, 5000));
        Chromium.screenshot(browser, "pages/" + state.name().replaceAll("[^A-Za-z0-9]+", "-"));
        visit.viewport(375, HEIGHT);
    }
}
