package dev.parley.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

/**
 * Every text Parley receives passes through here once, before anything is bound or looked up: NUL and the
 * other control characters no one types (C0 controls but tab, line feed and carriage return) are removed,
 * from form fields and from the address (path and query, which GET forms such as the queue's filters use).
 * NUL is refused by PostgreSQL and stored by H2, and none of them belongs in a page: removing them here
 * makes both databases store, and every page show, the same text. Bytes that are not UTF-8 never get this
 * far as themselves: the form decoder turns each malformed sequence into U+FFFD, the replacement character,
 * as browsers do with such text (WHATWG URL standard), so they are shown as "�" and stored alike.
 */
public class CleanInput {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");

    /** The same characters percent-encoded, as they appear in an address. */
    private static final Pattern ENCODED_CONTROL = Pattern.compile("%(?:0[0-8bBcCeEfF]|1[0-9a-fA-F])");

    /** The text without the control characters no one types; {@code null} stays {@code null}. */
    public static String clean(String text) {
        return text == null || !CONTROL.matcher(text).find()
                ? text
                : CONTROL.matcher(text).replaceAll("");
    }

    @ServerRequestFilter(preMatching = true)
    public void cleanAddress(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        if (uri.getRawPath() != null && uri.getRawPath().endsWith(Routes.EMBED_THREAD)) {
            // A host page names its page, identifier and title here: what is malformed is refused with its
            // reason, not quietly made into another page's address.
            return;
        }
        String raw = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (ENCODED_CONTROL.matcher(raw).find()) {
            request.setRequestUri(uri.resolve(ENCODED_CONTROL.matcher(raw).replaceAll("")));
        }
    }

    /** Runs once the form is read, before the resource method binds it. */
    @ServerRequestFilter(readBody = true)
    public void cleanForm() {
        ResteasyReactiveRequestContext context = CurrentRequestManager.get();
        FormData form = context == null ? null : context.getFormData();
        if (form == null) {
            return;
        }
        List<String> names = new ArrayList<>();
        form.forEach(names::add);
        for (String name : names) {
            Deque<FormValue> values = form.get(name);
            boolean dirty = values.stream()
                    .anyMatch(v -> !v.isFileItem()
                            && v.getValue() != null
                            && !v.getValue().equals(clean(v.getValue())));
            if (!dirty || values.stream().anyMatch(FormValue::isFileItem)) {
                continue;
            }
            List<String> cleaned = values.stream().map(v -> clean(v.getValue())).toList();
            form.remove(name);
            cleaned.forEach(value -> form.add(name, value));
        }
    }
}
