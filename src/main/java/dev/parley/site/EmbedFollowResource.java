package dev.parley.site;

import dev.parley.identity.Viewer;
import dev.parley.subscription.FollowForm;
import dev.parley.subscription.FollowResource;
import dev.parley.subscription.Following;
import dev.parley.subscription.Subscriptions;
import dev.parley.web.FormState;
import dev.parley.web.Routes;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * "Follow this thread" inside another site's page. The form is one of the host page's forms (checked by origin,
 * {@code HostPageForms}); it leaves the host page for Parley's answer, as the sign-in buttons do (also with
 * embed.js, through its button's formaction), which says what happens next and links back to the page. It lives
 * here because only this feature reads a host page's address; the subscription feature does the rest.
 */
@Path("/embed/follow")
@Produces(MediaType.TEXT_HTML)
public class EmbedFollowResource {

    /** The address typed, and which page's thread it is for, as the fragment writes it. */
    public static class EmbedFollowForm extends FollowForm {
        @RestForm
        public String page;

        @RestForm
        public String id;

        @RestForm
        public String title;
    }

    @Inject
    PageThreads pages;

    @Inject
    PageTitles titles;

    @Inject
    Subscriptions subscriptions;

    @Inject
    Viewer viewer;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response follow(EmbedFollowForm form) {
        PageThreads.Address read = pages.read(form.page, form.id, form.title);
        if (read instanceof PageThreads.Refusal refusal) {
            return Response.status(refusal.status())
                    .entity(EmbedResource.Templates.refusedPage(refusal.message(), FormState.empty(), null))
                    .build();
        }
        PageThreads.PageAddress address = (PageThreads.PageAddress) read;
        String title = address.title() != null || pages.existing(address).isPresent()
                ? null
                : titles.titleOf(address.canonicalUrl());
        Following outcome = Following.take(subscriptions, pages.locator(address, title), form, viewer.commenter());
        String shownTitle =
                pages.existing(address).map(a -> a.title).orElse(title == null ? address.canonicalUrl() : title);
        Map<String, String> fields = EmbedReplyForm.threadFields(address.canonicalUrl(), form.id, form.title);
        if (outcome instanceof Following.Mistake mistake) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(FollowResource.Templates.followed(
                            shownTitle,
                            null,
                            address.canonicalUrl() + "#comments",
                            Routes.embedFollow(),
                            fields,
                            true,
                            FormState.of(form.typed()).withError(FollowForm.EMAIL, mistake.message())))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
        }
        String answer = outcome instanceof Following.Followed followed
                ? followed.answer().sentence()
                : "Comments are closed on this page, so there is nothing to follow.";
        return Response.ok(FollowResource.Templates.followed(
                        shownTitle,
                        answer,
                        address.canonicalUrl() + "#comments",
                        Routes.embedFollow(),
                        fields,
                        true,
                        FormState.empty()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
