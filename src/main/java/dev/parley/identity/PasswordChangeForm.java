package dev.parley.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** A new password for one's own account: the current one, and the new one twice (the rules of the set-up page). */
public class PasswordChangeForm {

    @RestForm
    @NotBlank(message = "Please enter your current password.")
    @Size(max = PasswordHasher.MAX_LENGTH, message = "This is not your current password.")
    public String currentPassword;

    @RestForm
    @NotBlank(message = "Please choose a new password.")
    @Size(
            min = PasswordHasher.MIN_LENGTH,
            max = PasswordHasher.MAX_LENGTH,
            message = "The password must have between {min} and {max} characters.")
    public String newPassword;

    @RestForm
    public String newPasswordAgain;

    static final String DIFFERENT = "The two new passwords differ. Type the same one twice.";

    /** Whether the second typing of the new password matches the first (checked once the first is valid). */
    boolean typedTwiceAlike() {
        return newPassword != null && newPassword.equals(newPasswordAgain);
    }
}
