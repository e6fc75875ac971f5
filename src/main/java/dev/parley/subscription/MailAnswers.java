package dev.parley.subscription;

import io.quarkus.qute.TemplateExtension;

/**
 * What a page says about a request for mail ({@code {readermail:answer(code)}}): the article page says it under
 * the comment just posted, from the code the redirect after posting carries.
 */
@TemplateExtension(namespace = "readermail")
public final class MailAnswers {

    private MailAnswers() {}

    /** The sentence for an answer's code; empty for a code that is none. */
    public static String answer(String code) {
        return code == null
                ? ""
                : Subscriptions.Answer.ofCode(code)
                        .map(Subscriptions.Answer::sentence)
                        .orElse("");
    }
}
