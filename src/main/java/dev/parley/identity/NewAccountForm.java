package dev.parley.identity;

import dev.parley.web.EmailAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The fields of a new account: the owner on the set-up page, or a moderator added by the owner. */
public class NewAccountForm {

    @RestForm
    @NotBlank(message = "Please enter a name.")
    @Size(max = Account.MAX_NAME, message = "The name can have at most {max} characters.")
    public String name;

    @RestForm
    @NotBlank(message = "Please enter an email address.")
    @Size(max = Account.MAX_EMAIL, message = "The email address can have at most {max} characters.")
    @Pattern(regexp = EmailAddress.PATTERN_OR_EMPTY, message = EmailAddress.INVALID)
    public String email;

    @RestForm
    @NotBlank(message = "Please choose a password.")
    @Size(
            min = PasswordHasher.MIN_LENGTH,
            max = PasswordHasher.MAX_LENGTH,
            message = "The password must have between {min} and {max} characters.")
    public String password;

    /** Set-up page only: the code printed in the log. */
    @RestForm
    public String code;

    /** What the form shows again; the password is never sent back to the browser. */
    public Map<String, String> redisplayed() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("email", email);
        return values;
    }
}
