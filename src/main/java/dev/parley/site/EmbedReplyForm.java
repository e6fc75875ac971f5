package dev.parley.site;

import dev.parley.reply.ReplyForm;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The reply form of a host page's thread: the usual fields, and which page it is for. */
public class EmbedReplyForm extends ReplyForm {

    @RestForm
    public String page;

    @RestForm
    public String id;

    @RestForm
    public String title;

    /** The hidden fields that say which page a form is for, as the fragment writes them. */
    static Map<String, String> threadFields(String page, String id, String title) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("page", page);
        if (id != null && !id.isBlank()) {
            fields.put("id", id);
        }
        if (title != null && !title.isBlank()) {
            fields.put("title", title);
        }
        return fields;
    }
}
