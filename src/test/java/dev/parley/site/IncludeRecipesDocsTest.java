package dev.parley.site;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.ApacheSsi;
import dev.parley.support.HostSite;
import dev.parley.support.NginxSsi;
import dev.parley.support.VarnishEsi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * "Put Parley on your site" shows the very files {@link IncludeRecipesBrowserTest} runs, and the include tags its
 * host pages carry: a reader who copies them copies what was tested.
 */
class IncludeRecipesDocsTest {

    private static final String FIRST_TITLE = "First%20light%20over%20the%20harbour";

    @Test
    void theReadmeShowsTheTestedConfigurationsWordForWord() throws IOException {
        String readme = readme();
        assertShows(readme, "nginx", Files.readString(NginxSsi.RECIPE));
        assertShows(readme, "vcl", Files.readString(VarnishEsi.RECIPE));
        assertShows(readme, "apache", Files.readString(ApacheSsi.RECIPE));
    }

    @Test
    void theReadmeShowsTheTestedIncludeTags() throws IOException {
        String readme = readme();
        String nginxTag = HostSite.nginxTag(FIRST_TITLE);
        assertTrue(
                Files.readString(HostSite.BLOG.resolve("posts/first-light.html"))
                        .contains(nginxTag),
                "the demo blog carries the README's nginx tag");
        assertShows(readme, "html", nginxTag + "\n");
        assertShows(readme, "html", HostSite.apacheTag(FIRST_TITLE) + "\n");
        assertShows(
                readme, "html", HostSite.esiTag("https://blog.example.org" + HostSite.FIRST_POST, FIRST_TITLE) + "\n");
    }

    @Test
    void theReadmeStatesTheCacheBound() throws IOException {
        String readme = readme();
        assertTrue(readme.contains("`Cache-Control: public, max-age=0, s-maxage=10`"));
        assertTrue(readme.contains("within " + IncludeRecipesBrowserTest.CACHE_BOUND.toSeconds() + " seconds"));
        for (String heading : new String[] {
            "## Put Parley on your site", "### WordPress", "### Static sites (Hugo, Jekyll, plain HTML): the script tag"
        }) {
            assertTrue(readme.contains("\n" + heading + "\n"), heading);
        }
    }

    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }

    private static void assertShows(String readme, String language, String text) {
        assertTrue(
                readme.contains("```" + language + "\n" + text + "```\n"),
                () -> "README.md lacks, word for word in a ```" + language + " block:\n" + text);
    }
}
