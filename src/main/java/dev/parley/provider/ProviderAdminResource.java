package dev.parley.provider;

import dev.parley.identity.Roles;
import dev.parley.web.Cookies;
import dev.parley.web.FormState;
import dev.parley.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** "Login providers" in the owner's admin area: changes apply at the next sign-in, without a restart. */
@Path(Routes.PROVIDERS)
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ProviderAdminResource {

    /** The editor's view of a provider. */
    public record Editor(Long id, ProviderKind kind, String action, String callbackUrl) {}

    @CheckedTemplate(basePath = "provider")
    static class Templates {
        static native TemplateInstance adminList(
                List<ProviderRow> providers, List<ProviderKind> kinds, String done, String problem);

        static native TemplateInstance adminEdit(Editor editor, FormState form, String done);

        static native TemplateInstance adminDelete(ProviderAdminService.Deletion provider);
    }

    private static final Map<String, String> NOTICES = Map.of(
            "saved",
            "Provider saved. It applies from the next sign-in.",
            "enabled",
            "Provider switched on: its button is in the reply form.",
            "disabled",
            "Provider switched off: its button is gone and its readers are signed out.",
            "moved",
            "Order changed.",
            "deleted",
            "Provider deleted; its readers are signed out.",
            "drafted",
            "Provider added, switched off. Register the callback URL below at the provider, then fill in what it"
                    + " gives you and save.");

    @Inject
    ProviderAdminService providers;

    @Inject
    ProviderService signIns;

    @GET
    @RolesAllowed(Roles.OWNER)
    public TemplateInstance list(@RestQuery String done) {
        return Templates.adminList(
                providers.list(), List.of(ProviderKind.values()), done == null ? null : NOTICES.get(done), null);
    }

    @GET
    @Path("new")
    @RolesAllowed(Roles.OWNER)
    public TemplateInstance newProvider(@RestQuery String kind, @Context UriInfo uri) {
        ProviderKind chosen = parseKind(kind);
        Map<String, String> defaults = Map.of(
                "kind",
                chosen.name(),
                "displayName",
                chosen.label(),
                "buttonLabel",
                "Log in with " + chosen.label(),
                "issuerUrl",
                chosen == ProviderKind.GITLAB ? "https://gitlab.com" : "");
        return Templates.adminEdit(new Editor(null, chosen, Routes.providers(), null), FormState.of(defaults), null);
    }

    @POST
    @RolesAllowed(Roles.OWNER)
    public Response create(ProviderForm form, @Context UriInfo uri) {
        return saved(null, parseKind(form.kind), form, uri);
    }

    /** Adds a provider of this kind, switched off and not set up yet, and opens it: its callback URL is known. */
    @POST
    @Path("drafts")
    @RolesAllowed(Roles.OWNER)
    public Response draft(@RestForm String kind) {
        long id = providers.draft(parseKind(kind));
        return Response.seeOther(URI.create(Routes.withNotice(Routes.provider(id), "drafted")))
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.OWNER)
    public TemplateInstance edit(@RestPath long id, @RestQuery String done, @Context UriInfo uri) {
        FormState form = FormState.of(providers.formValues(id).orElseThrow(NotFoundException::new));
        return Templates.adminEdit(
                editor(id, ProviderKind.valueOf(form.value("kind")), uri),
                form,
                done == null ? null : NOTICES.get(done));
    }

    @POST
    @Path("{id}")
    @RolesAllowed(Roles.OWNER)
    public Response update(@RestPath long id, ProviderForm form, @Context UriInfo uri) {
        ProviderKind kind = ProviderKind.valueOf(
                providers.formValues(id).orElseThrow(NotFoundException::new).get("kind"));
        return saved(id, kind, form, uri);
    }

    @POST
    @Path("{id}/enable")
    @RolesAllowed(Roles.OWNER)
    public Response enable(@RestPath long id) {
        Optional<String> problem = providers.switchOn(id);
        if (problem.isPresent()) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(Templates.adminList(providers.list(), List.of(ProviderKind.values()), null, problem.get()))
                    .build();
        }
        return listWith("enabled");
    }

    @POST
    @Path("{id}/disable")
    @RolesAllowed(Roles.OWNER)
    public Response disable(@RestPath long id) {
        providers.setEnabled(id, false);
        return listWith("disabled");
    }

    @POST
    @Path("{id}/up")
    @RolesAllowed(Roles.OWNER)
    public Response moveUp(@RestPath long id) {
        providers.move(id, true);
        return listWith("moved");
    }

    @POST
    @Path("{id}/down")
    @RolesAllowed(Roles.OWNER)
    public Response moveDown(@RestPath long id) {
        providers.move(id, false);
        return listWith("moved");
    }

    /** Starts a sign-in with this provider (even while switched off) that reports what came back. */
    @POST
    @Path("{id}/test")
    @RolesAllowed(Roles.OWNER)
    public Response test(@RestPath long id, @Context UriInfo uri) {
        if (!"yes"
                .equals(providers
                        .formValues(id)
                        .orElseThrow(NotFoundException::new)
                        .get("setUp"))) {
            // Nothing to test yet: no client ID or secret.
            return Response.seeOther(URI.create(Routes.provider(id))).build();
        }
        return Response.seeOther(URI.create(Routes.signIn(id, "login")))
                .cookie(Cookies.httpOnly(
                        SignInResource.TEST_COOKIE,
                        signIns.testTicket(id),
                        ProviderService.TEST_SECONDS,
                        Cookies.secure(uri)))
                .build();
    }

    @POST
    @Path("{id}/delete")
    @RolesAllowed(Roles.OWNER)
    public Response delete(@RestPath long id, @RestForm String confirmed) {
        if (!"yes".equals(confirmed)) {
            // Deleting loses the settings and the stored secret, and signs its readers out: ask first (the list's
            // script asks in a dialog and sends "confirmed"; without it, this page asks).
            return Response.ok(Templates.adminDelete(providers.deletion(id))).build();
        }
        providers.delete(id);
        return listWith("deleted");
    }

    private Response saved(Long id, ProviderKind kind, ProviderForm form, UriInfo uri) {
        ProviderAdminService.Saved saved = providers.saveFromForm(id, kind, form);
        if (!saved.ok()) {
            // The secret is never sent back; the form only says whether one is stored.
            Map<String, String> stored =
                    id == null ? Map.of() : providers.formValues(id).orElse(Map.of());
            FormState typed = FormState.of(form.typed())
                    .withValue("hasSecret", stored.get("hasSecret"))
                    .withValue("setUp", stored.get("setUp"))
                    .withErrors(saved.errors());
            Editor editor = id == null ? new Editor(null, kind, Routes.providers(), null) : editor(id, kind, uri);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.adminEdit(editor, typed, null))
                    .build();
        }
        return Response.seeOther(URI.create(Routes.withNotice(Routes.provider(saved.id()), "saved")))
                .build();
    }

    private static Editor editor(long id, ProviderKind kind, UriInfo uri) {
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        return new Editor(id, kind, Routes.provider(id), base + TenantConfigs.callbackPath(id));
    }

    private static ProviderKind parseKind(String kind) {
        try {
            return ProviderKind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException unknown) {
            throw new NotFoundException();
        }
    }

    private static Response listWith(String done) {
        return Response.seeOther(URI.create(Routes.withNotice(Routes.providers(), done)))
                .build();
    }
}
