package dev.parley.identity;

import dev.parley.web.EmailAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** "Forgot password?": the address of the account. */
public class ForgotPasswordForm {

    @RestForm
    @NotBlank(message = "Please enter the email address you sign in with.")
    @Size(max = Account.MAX_EMAIL, message = "The email address can have at most {max} characters.")
    @Pattern(regexp = EmailAddress.PATTERN_OR_EMPTY, message = EmailAddress.INVALID)
    public String email;
}
