package dev.parley.web;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * Parley's static files ({@link Assets}), from memory.
 *
 * <p>At a fingerprinted address, the current fingerprint is answered as immutable for a year. Any other
 * well-formed fingerprint is a page from before an upgrade (or from another instance during a rolling one): it
 * gets today's file, which is what that page needs, but marked to be asked again, so that no cache keeps
 * today's bytes under yesterday's address.
 *
 * <p>At a plain address ({@code /embed.js}, which host sites put in their pages), browsers and CDNs keep the
 * file five minutes and then ask again with its ETag: a new release reaches every host site within minutes,
 * and an unchanged file costs a 304.
 */
@Path("/")
public class AssetResource {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String ASK_AGAIN = "no-cache";
    static final String PLAIN = "public, max-age=300";

    /** Reads and fingerprints the files at start, not on the first page a reader asks for. */
    void loadAtStart(@Observes StartupEvent started) {
        Assets.find("/");
    }

    @GET
    @Path("assets/{fingerprint: [0-9a-f]{12}}/{path: [A-Za-z0-9/_.-]+}")
    @PermitAll
    public Response fingerprinted(
            @PathParam("fingerprint") String fingerprint, @PathParam("path") String path, @Context Request request) {
        Assets.Asset asset = found("/" + path);
        return answer(asset, asset.fingerprint().equals(fingerprint) ? IMMUTABLE : ASK_AGAIN, request);
    }

    @GET
    @Path("embed.js")
    @PermitAll
    public Response script(@Context Request request) {
        return answer(found("/embed.js"), PLAIN, request);
    }

    @GET
    @Path("favicon.svg")
    @PermitAll
    public Response icon(@Context Request request) {
        return answer(found("/favicon.svg"), PLAIN, request);
    }

    @GET
    @Path("css/{file}")
    @PermitAll
    public Response stylesheet(@PathParam("file") String file, @Context Request request) {
        return answer(found("/css/" + file), PLAIN, request);
    }

    @GET
    @Path("js/{file}")
    @PermitAll
    public Response pageScript(@PathParam("file") String file, @Context Request request) {
        return answer(found("/js/" + file), PLAIN, request);
    }

    private static Assets.Asset found(String path) {
        Assets.Asset asset = Assets.find(path);
        if (asset == null) {
            throw new NotFoundException();
        }
        return asset;
    }

    private static Response answer(Assets.Asset asset, String cacheControl, Request request) {
        // Weak: with compression on, the bytes sent differ by Accept-Encoding while the file is the same.
        EntityTag tag = new EntityTag(asset.fingerprint(), true);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer =
                unchanged != null ? unchanged : Response.ok(asset.bytes()).type(asset.contentType());
        return answer.tag(tag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }
}
