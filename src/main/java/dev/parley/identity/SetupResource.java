package dev.parley.identity;

import dev.parley.web.Cookies;
import dev.parley.web.FormState;
import dev.parley.web.FormValidation;
import dev.parley.web.NoStore;
import dev.parley.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
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
import java.util.Map;

/** The one-time page that creates the site owner on a new install. It disappears once an owner exists. */
@Path("/setup")
@NoStore
@Produces(MediaType.TEXT_HTML)
public class SetupResource {

    static final String WRONG_CODE =
            "This is not the set-up code. Copy it from Parley's log, where it was" + " printed at start-up.";

    @CheckedTemplate(basePath = "identity")
    static class Templates {
        static native TemplateInstance setup(FormState form);
    }

    @Inject
    OwnerSetup setup;

    @Inject
    AccountService accounts;

    @Inject
    FormValidation validation;

    @GET
    @PermitAll
    public TemplateInstance page() {
        requireOpen();
        return Templates.setup(FormState.empty());
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createOwner(NewAccountForm form, @Context UriInfo uri) {
        requireOpen();
        Map<String, String> errors = validation.errorsOf(form);
        if (!setup.codeMatches(form.code)) {
            errors.put("code", WRONG_CODE);
        }
        if (!errors.isEmpty()) {
            FormState typed = FormState.of(form.redisplayed())
                    .withValue("code", form.code)
                    .withErrors(errors);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.setup(typed))
                    .build();
        }
        Account owner =
                accounts.createFirstOwner(form.email, form.name, form.password).orElseThrow(NotFoundException::new);
        setup.close();
        String token = accounts.startSession(owner.id);
        return Response.seeOther(URI.create(Routes.admin()))
                .cookie(SessionCookies.issue(token, Cookies.secure(uri)))
                .build();
    }

    private void requireOpen() {
        if (!setup.setupOpen()) {
            throw new NotFoundException();
        }
    }
}
