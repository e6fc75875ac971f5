package dev.parley.site;

import dev.parley.web.Html;
import dev.parley.web.Tokens;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Comment counts for the host's listing pages: many pages in one JSON request (filled in by embed.js), or one
 * page as an HTML fragment for a server-side include. Public and cacheable for a minute by any cache.
 */
@Path("/embed")
public class CountResource {

    /** How long any cache may keep a count: a newly approved comment shows on listings within this. */
    static final int MAX_AGE_SECONDS = 60;

    @Inject
    CommentCounts counts;

    /**
     * {@code ?page=<address>&page=…} (and {@code &id=<identifier>&origin=<the site's origin>}) →
     * {@code {"counts":{"<page as given>":3,"id:<identifier>":0}}}. A page that cannot carry a thread is listed
     * under "refused" with the reason, and the others are still counted; when every one is refused, 400.
     */
    @GET
    @Path("counts")
    @PermitAll
    public Response counts(
            @RestQuery("page") List<String> pages,
            @RestQuery("id") List<String> ids,
            @RestQuery String origin,
            @Context Request request) {
        int asked = pages.size() + ids.size();
        if (asked == 0) {
            return jsonError("Name the pages to count: /embed/counts?page=https://…&page=https://…");
        }
        if (asked > CommentCounts.MAX_PAGES) {
            return jsonError("At most " + CommentCounts.MAX_PAGES + " pages can be counted in one request; this one"
                    + " names " + asked + ".");
        }
        CommentCounts.Counts found = counts.count(pages, ids, origin);
        StringBuilder json = new StringBuilder("{\"counts\":{");
        found.counts()
                .forEach((page, count) ->
                        json.append(Json.string(page)).append(':').append(count).append(','));
        trimComma(json).append('}');
        if (!found.refused().isEmpty()) {
            json.append(",\"refused\":").append(Json.object(found.refused()));
        }
        json.append('}');
        if (found.counts().isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(json.toString())
                    .build();
        }
        return cacheable(request, json.toString(), MediaType.APPLICATION_JSON_TYPE);
    }

    /** {@code ?page=<address>[&id=<identifier>]} → {@code <span class="parley-count">3 comments</span>}. */
    @GET
    @Path("count")
    @PermitAll
    public Response count(@RestQuery String page, @RestQuery String id, @Context Request request) {
        CommentCounts.One found = counts.countOne(page, id);
        if (found instanceof CommentCounts.Refused refused) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.TEXT_HTML_TYPE)
                    .cacheControl(CacheControl.valueOf("no-store"))
                    .entity("<span class=\"parley-count parley-count-refused\">" + Html.escape(refused.reason())
                            + "</span>\n")
                    .build();
        }
        long count = ((CommentCounts.Counted) found).count();
        return cacheable(
                request, "<span class=\"parley-count\">" + words(count) + "</span>\n", MediaType.TEXT_HTML_TYPE);
    }

    /** "No comments yet", "1 comment", "1,234 comments". */
    public static String words(long count) {
        if (count == 0) {
            return "No comments yet";
        }
        return String.format(Locale.ENGLISH, "%,d", count) + (count == 1 ? " comment" : " comments");
    }

    private static Response cacheable(Request request, String body, MediaType type) {
        EntityTag tag = new EntityTag(Tokens.sha256(body).substring(0, 32));
        CacheControl cache = CacheControl.valueOf("public, max-age=" + MAX_AGE_SECONDS);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.cacheControl(cache).tag(tag).build();
        }
        return Response.ok(body, type).cacheControl(cache).tag(tag).build();
    }

    private static Response jsonError(String message) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity("{\"error\":" + Json.string(message) + "}")
                .build();
    }

    private static StringBuilder trimComma(StringBuilder json) {
        if (json.charAt(json.length() - 1) == ',') {
            json.setLength(json.length() - 1);
        }
        return json;
    }

    /** Just enough JSON for two flat maps: strings escaped as RFC 8259 asks. */
    static final class Json {
        private Json() {}

        static String object(Map<String, String> values) {
            StringBuilder json = new StringBuilder("{");
            values.forEach((k, v) ->
                    json.append(string(k)).append(':').append(string(v)).append(','));
            return trimComma(json).append('}').toString();
        }

        static String string(String value) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        // Also "<", so that the answer can never be read as markup.
                        if (c < 0x20 || c == '<' || c == '\u2028' || c == '\u2029') {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }
}
