package dev.parley.provider;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The sign-in buttons of the reply form ({@code inject:signInChoices.buttons}), in the owner's order. */
@RequestScoped
@Named("signInChoices")
public class SignInChoices {

    @Inject
    ProviderService providers;

    private List<ProviderButton> buttons;

    public List<ProviderButton> getButtons() {
        if (buttons == null) {
            buttons = providers.buttons();
        }
        return buttons;
    }
}
