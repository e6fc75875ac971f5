package dev.parley.reply;

import dev.parley.article.Comment;
import dev.parley.web.EmailAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The "Leave a Reply" form. Field names are WordPress's, so that browser autofill and readers' habits
 * carry over. Only these fields are bound: a reader cannot set a comment's status or anything else.
 */
public class ReplyForm {

    public static final String SUBSCRIBE_COMMENTS = "subscribe_comments";
    public static final String SUBSCRIBE_APPROVAL = "subscribe_approval";

    // Compiled once: String.matches would compile them again on every post.
    private static final java.util.regex.Pattern REQUEST_KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final java.util.regex.Pattern COMMENT_ID = java.util.regex.Pattern.compile("\\d{1,18}");

    @RestForm
    @NotBlank(message = "Please type your comment.")
    @Size(max = Comment.MAX_BODY, message = "Your comment is too long: it can have at most 65,525 characters.")
    public String comment;

    @RestForm
    @NotBlank(message = "Please enter your name.")
    @Size(max = Comment.MAX_AUTHOR_NAME, message = "Your name can have at most {max} characters.")
    public String author;

    @RestForm
    @NotBlank(message = "Please enter your email address. It will not be published.")
    @Size(max = Comment.MAX_AUTHOR_EMAIL, message = "Your email address can have at most {max} characters.")
    @Pattern(regexp = EmailAddress.PATTERN_OR_EMPTY, message = EmailAddress.INVALID)
    public String email;

    @RestForm
    @Size(max = Comment.MAX_AUTHOR_URL, message = "Your website address can have at most {max} characters.")
    @Pattern(
            regexp = "^\\s*$|^\\s*(?i:https?)://[^\\s/?#]+\\S*\\s*$",
            message = "Your website must be a web address starting with http:// or https://.")
    public String url;

    @RestForm("comment_parent")
    public String commentParent;

    @RestForm("wp-comment-cookies-consent")
    public String rememberMe;

    /** "Notify me of follow-up comments by email." */
    @RestForm(SUBSCRIBE_COMMENTS)
    public String subscribeComments;

    /** "Notify me when my comment is approved." */
    @RestForm(SUBSCRIBE_APPROVAL)
    public String subscribeApproval;

    /** Makes posting idempotent: see {@link FormStamp}. */
    @RestForm(FormStamp.KEY_FIELD)
    public String requestKey;

    /** The signed time the form was shown. */
    @RestForm(FormStamp.SHOWN_FIELD)
    public String shown;

    /** Hidden from people; bots fill it in. */
    @RestForm(FormStamp.HONEYPOT_FIELD)
    public String honeypot;

    /** The request key if it looks like one Parley made; anything else is ignored. */
    String requestKeyOrNull() {
        return requestKey != null && REQUEST_KEY.matcher(requestKey).matches() ? requestKey : null;
    }

    /** The comment replied to; empty for a top-level comment (or a value that is not a number). */
    Optional<Long> parentId() {
        if (commentParent == null || commentParent.isBlank() || "0".equals(commentParent.strip())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.valueOf(commentParent.strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** Whether {@code comment_parent} is empty, 0 or a number: anything else came from a broken form. */
    boolean parentReadable() {
        return commentParent == null
                || commentParent.isBlank()
                || COMMENT_ID.matcher(commentParent.strip()).matches();
    }

    /**
     * Browsers send a textarea's line breaks as CR LF; stored and counted as one character each, they match
     * what the reader saw (and the textarea's maxlength).
     */
    void normalizeLineBreaks() {
        if (comment != null) {
            comment = comment.replace("\r\n", "\n").replace('\r', '\n');
        }
    }

    boolean remember() {
        return rememberMe != null && !rememberMe.isBlank();
    }

    boolean wantsFollowUps() {
        return subscribeComments != null && !subscribeComments.isBlank();
    }

    boolean wantsApprovalMail() {
        return subscribeApproval != null && !subscribeApproval.isBlank();
    }

    static String trimmedOrNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Everything the reader typed, to put back in the form when it comes back with a message. */
    public Map<String, String> typed() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("comment", comment);
        values.put("author", author);
        values.put("email", email);
        values.put("url", url);
        values.put("comment_parent", commentParent);
        values.put("wp-comment-cookies-consent", rememberMe);
        values.put(SUBSCRIBE_COMMENTS, subscribeComments);
        values.put(SUBSCRIBE_APPROVAL, subscribeApproval);
        // Kept, so that a form corrected quickly is still the same form, shown when it first was.
        values.put(FormStamp.KEY_FIELD, requestKey);
        values.put(FormStamp.SHOWN_FIELD, shown);
        return values;
    }
}
