package dev.parley.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** A password chosen through a mail link (invitation or reset), typed twice: the rules of the set-up page. */
public class NewPasswordForm {

    @RestForm
    @NotBlank(message = "Please choose a password.")
    @Size(
            min = PasswordHasher.MIN_LENGTH,
            max = PasswordHasher.MAX_LENGTH,
            message = "The password must have between {min} and {max} characters.")
    public String newPassword;

    @RestForm
    public String newPasswordAgain;

    static final String DIFFERENT = "The two passwords differ. Type the same one twice.";

    boolean typedTwiceAlike() {
        return newPassword != null && newPassword.equals(newPasswordAgain);
    }
}
