package dev.parley.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The small static blog of {@code docker/embed/blog} (a listing page and two posts), as the demo serves it with
 * nginx's include tags, or copied with another server's tag in their place. The tags are the README's.
 */
public final class HostSite {

    /** The demo blog's own pages, with nginx's SSI tags. */
    public static final Path BLOG = Path.of("docker", "embed", "blog");

    public static final String FIRST_POST = "/posts/first-light.html";
    public static final String FIRST_TITLE = "First light over the harbour";
    public static final String SECOND_POST = "/posts/reading-the-tides.html";
    public static final String SECOND_TITLE = "Reading the tides";

    /** nginx's tag in the demo pages: the page's own address comes from nginx's variables. */
    private static final Pattern NGINX_TAG = Pattern.compile(
            "<!--# include virtual=\"/comments/embed/thread\\?page=\\$scheme://\\$http_host\\$request_uri&title=([^\"]*)\" -->");

    private HostSite() {}

    /** The nginx SSI tag of the demo pages, for a title already percent-encoded. */
    public static String nginxTag(String encodedTitle) {
        return "<!--# include virtual=\"/comments/embed/thread?page=$scheme://$http_host$request_uri&title="
                + encodedTitle + "\" -->";
    }

    /**
     * Apache's tags: mod_include percent-encodes the page's address into a variable, then includes the thread.
     */
    public static String apacheTag(String encodedTitle) {
        return "<!--#set var=\"page\" encoding=\"urlencoded\" value=\"${REQUEST_SCHEME}://${HTTP_HOST}${REQUEST_URI}\" -->\n"
                + "<!--#include virtual=\"/comments/embed/thread?page=${page}&title=" + encodedTitle + "\" -->";
    }

    /**
     * The ESI tag: an {@code <esi:include>} has no variables, so the page's address is written into the page (a
     * site generator writes each page's own, as Hugo's {@code {{ .Permalink | urlquery }}} does).
     */
    public static String esiTag(String pageAddress, String encodedTitle) {
        return "<esi:include src=\"/comments/embed/thread?page="
                + URLEncoder.encode(pageAddress, StandardCharsets.UTF_8) + "&amp;title=" + encodedTitle + "\"/>";
    }

    /** The demo blog as it is, with nginx's tags. */
    public static Path nginxPages() {
        return BLOG;
    }

    /** The demo blog copied into {@code folder} with Apache's tags. */
    public static Path apachePages(Path folder) {
        return copy(folder, (path, title) -> apacheTag(title));
    }

    /** The demo blog copied into {@code folder} with ESI tags naming each page under {@code origin}. */
    public static Path esiPages(Path folder, String origin) {
        return copy(folder, (path, title) -> esiTag(origin + path, title));
    }

    private static Path copy(Path folder, BiFunction<String, String, String> tag) {
        try (Stream<Path> files = Files.walk(BLOG)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = folder.resolve(BLOG.relativize(file).toString());
                Files.createDirectories(target.getParent());
                String path = "/" + BLOG.relativize(file).toString().replace('\\', '/');
                Matcher matcher = NGINX_TAG.matcher(Files.readString(file));
                StringBuilder html = new StringBuilder();
                while (matcher.find()) {
                    matcher.appendReplacement(html, Matcher.quoteReplacement(tag.apply(path, matcher.group(1))));
                }
                matcher.appendTail(html);
                Files.writeString(target, html);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
