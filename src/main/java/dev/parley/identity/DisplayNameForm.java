package dev.parley.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** The name staff show to others, changed on their account page: the same rules as when the account was made. */
public class DisplayNameForm {

    @RestForm
    @NotBlank(message = "Please enter a name.")
    @Size(max = Account.MAX_NAME, message = "The name can have at most {max} characters.")
    public String name;
}
