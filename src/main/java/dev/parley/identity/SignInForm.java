package dev.parley.identity;

import jakarta.validation.constraints.NotBlank;
import org.jboss.resteasy.reactive.RestForm;

/** The fields of {@code /login}. */
public class SignInForm {

    @RestForm
    @NotBlank(message = "Please enter your email address.")
    public String email;

    @RestForm
    @NotBlank(message = "Please enter your password.")
    public String password;

    /** Where to go after signing in; only local paths are followed. */
    @RestForm
    public String next;
}
