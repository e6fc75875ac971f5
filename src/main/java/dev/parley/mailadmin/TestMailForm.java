package dev.parley.mailadmin;

import dev.parley.mail.MailHeaders;
import dev.parley.web.EmailAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** "Send a test mail": the one address it goes to. */
public class TestMailForm {

    /** As long as an account's address may be (Account.MAX_EMAIL). */
    static final int MAX_ADDRESS = 100;

    @RestForm
    public String to;

    /** The message next to the field, or none. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (to == null || to.isBlank()) {
            errors.put("to", "Please enter the address to send the test mail to.");
        } else if (!MailHeaders.isHeaderSafe(to)) {
            errors.put("to", "An email address cannot contain a line break or another control character.");
        } else if (to.strip().length() > MAX_ADDRESS) {
            errors.put("to", "The email address can have at most " + MAX_ADDRESS + " characters.");
        } else if (!EmailAddress.isValid(to)) {
            errors.put("to", EmailAddress.INVALID);
        }
        return errors;
    }

    Map<String, String> typed() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("to", to);
        return values;
    }
}
