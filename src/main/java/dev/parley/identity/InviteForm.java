package dev.parley.identity;

import dev.parley.web.EmailAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** A moderator the owner invites by mail: a name and an address (they choose their password themselves). */
public class InviteForm {

    @RestForm
    @NotBlank(message = "Please enter a name.")
    @Size(max = Account.MAX_NAME, message = "The name can have at most {max} characters.")
    public String inviteName;

    @RestForm
    @NotBlank(message = "Please enter an email address.")
    @Size(max = Account.MAX_EMAIL, message = "The email address can have at most {max} characters.")
    @Pattern(regexp = EmailAddress.PATTERN_OR_EMPTY, message = EmailAddress.INVALID)
    public String inviteEmail;

    public Map<String, String> redisplayed() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("inviteName", inviteName);
        values.put("inviteEmail", inviteEmail);
        return values;
    }
}
