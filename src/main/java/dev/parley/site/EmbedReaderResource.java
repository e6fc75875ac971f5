package dev.parley.site;

import dev.parley.provider.ScriptSignIns;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Where embed.js fetches the session of a reader who signed in from the script tag's thread: it sends the one-time
 * code Parley put in the page address's fragment and the nonce it kept when the sign-in started, and gets the
 * reader's token (sent back as {@code X-Parley-Reader}, which Parley accepts on the thread's addresses only) and
 * the draft the reader had typed.
 */
@Path("/embed/reader")
public class EmbedReaderResource {

    static final String REFUSED =
            "This sign-in cannot be used: it is unknown, was used already, is more than two minutes old, or belongs"
                    + " to another page. Please sign in again.";

    @Inject
    ScriptSignIns signIns;

    @Inject
    SiteRegistry sites;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response exchange(@RestForm String code, @RestForm String nonce, @HeaderParam("Origin") String origin) {
        Optional<ScriptSignIns.HandedOver> handedOver = origin != null && sites.isRegisteredOrigin(origin)
                ? signIns.redeem(code, nonce, origin)
                : Optional.empty();
        if (handedOver.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Json.createObjectBuilder()
                            .add("error", REFUSED)
                            .build()
                            .toString())
                    .build();
        }
        JsonObjectBuilder answer =
                Json.createObjectBuilder().add("reader", handedOver.get().readerToken());
        handedOver.get().draft().ifPresent(draft -> {
            answer.add("comment", draft.body());
            if (draft.parentId() != null) {
                answer.add("parent", draft.parentId());
            }
        });
        return Response.ok(answer.build().toString(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
