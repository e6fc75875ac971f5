package dev.parley.subscription;

import dev.parley.web.NoStore;
import dev.parley.web.Routes;
import dev.parley.web.TokenInAddress;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The pages the links in readers' mails open, with no account: confirming an address, unsubscribing (one click, by
 * the mail client's POST, or by the page's button), and managing every subscription of an address. A GET only
 * shows a page with a button (mail scanners follow links); the POST acts. No page is stored by a cache, and none
 * tells another site, by the Referer, the token in its address.
 */
@Path("/mail")
@Produces(MediaType.TEXT_HTML)
@NoStore
@TokenInAddress
public class MailLinkResource {

    @CheckedTemplate(basePath = "subscription")
    static class Templates {
        /**
         * @param problem why the link cannot be used; {@code null} when it can
         * @param waiting the subscriptions that start on confirmation
         * @param confirmed the address is confirmed (now, or before)
         */
        static native TemplateInstance confirm(
                String problem, String email, List<Subscriptions.Listed> waiting, boolean confirmed, String action);

        static native TemplateInstance unsubscribe(String what, String action, boolean done, String manageLink);

        static native TemplateInstance manage(Subscriptions.Managed managed, String token, String notice);

        static native TemplateInstance refused(String title, String message);
    }

    @Inject
    Subscriptions subscriptions;

    @GET
    @Path("confirm/{token}")
    @PermitAll
    public Response confirmPage(@RestPath String token) {
        return confirmation(subscriptions.check(token), token);
    }

    @POST
    @Path("confirm/{token}")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@RestPath String token) {
        return confirmation(subscriptions.confirm(token), token);
    }

    private static Response confirmation(Subscriptions.Confirmation state, String token) {
        String action = Routes.mailConfirm(token);
        if (state instanceof Subscriptions.ToConfirm to) {
            return page(200, Templates.confirm(null, to.email(), to.waiting(), false, action));
        }
        if (state instanceof Subscriptions.AlreadyConfirmed done) {
            return page(200, Templates.confirm(null, done.email(), List.of(), true, action));
        }
        return page(
                404, Templates.confirm(((Subscriptions.NotValid) state).sentence(), null, List.of(), false, action));
    }

    @GET
    @Path("unsubscribe/{token}")
    @PermitAll
    public Response unsubscribePage(@RestPath String token) {
        Optional<String> what = subscriptions.unsubscribeWhat(token);
        if (what.isEmpty()) {
            return notValid();
        }
        return page(200, Templates.unsubscribe(what.get(), Routes.mailUnsubscribe(token), false, null));
    }

    /**
     * Unsubscribes: the page's button, or a mail client's RFC 8058 one-click POST ({@code List-Unsubscribe=One-Click},
     * no cookie, no form token: see {@code CsrfCheck}). Doing it again answers the same.
     */
    @POST
    @Path("unsubscribe/{token}")
    @PermitAll
    public Response unsubscribe(@RestPath String token) {
        if (!subscriptions.unsubscribe(token)) {
            return notValid();
        }
        return page(200, Templates.unsubscribe(null, Routes.mailUnsubscribe(token), true, null));
    }

    @GET
    @Path("subscriptions/{token}")
    @PermitAll
    public Response manage(@RestPath String token, @RestQuery String done) {
        Optional<Subscriptions.Managed> managed = subscriptions.managed(token);
        if (managed.isEmpty()) {
            return notValid();
        }
        String notice = "stopped".equals(done)
                ? "Stopped: no more mail about it."
                : "all".equals(done) ? "Stopped: this address gets no more mail about comments." : null;
        return page(200, Templates.manage(managed.get(), token, notice));
    }

    @POST
    @Path("subscriptions/{token}/stop/{id}")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response stop(@RestPath String token, @RestPath String id) {
        if (!id.matches("\\d{1,18}") || !subscriptions.stop(token, Long.parseLong(id))) {
            return notValid();
        }
        return Response.seeOther(URI.create(Routes.mailSubscriptions(token) + "?done=stopped"))
                .build();
    }

    @POST
    @Path("subscriptions/{token}/stop-all")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response stopAll(@RestPath String token) {
        Optional<String> renewed = subscriptions.stopAll(token);
        if (renewed.isEmpty()) {
            return notValid();
        }
        // The manage link changed (old mails' links stop working): the page goes on at the new one.
        return Response.seeOther(URI.create(Routes.mailSubscriptions(renewed.get()) + "?done=all"))
                .build();
    }

    private static Response notValid() {
        return page(
                404,
                Templates.refused(
                        "Link not valid",
                        "This link is not valid. It may have been changed or cut short when it was copied."
                                + " Nothing was changed."));
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).entity(page).build();
    }
}
