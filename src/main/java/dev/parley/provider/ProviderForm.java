package dev.parley.provider;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The owner's form for one login provider. The client secret is write-only: empty keeps the stored one. */
public class ProviderForm {

    @RestForm
    public String kind;

    @RestForm
    @NotBlank(message = "Please give the provider a name, such as Google.")
    @Size(max = 100, message = "The name can have at most {max} characters.")
    public String displayName;

    @RestForm
    @NotBlank(message = "Please write the button's text, such as Log in with Google.")
    @Size(max = 100, message = "The button text can have at most {max} characters.")
    public String buttonLabel;

    @RestForm
    @Size(max = 500, message = "The icon address can have at most {max} characters.")
    @Pattern(regexp = "^\\s*$|^https://[^\\s\"'<>]+$", message = "The icon must be an https:// address of an image.")
    public String iconUrl;

    @RestForm
    @Size(max = 500, message = "The issuer address can have at most {max} characters.")
    @Pattern(
            regexp = "^\\s*$|^(?i:https?)://[^\\s/?#]+[^\\s?#]*$",
            message = "The issuer must be a web address starting with https:// (or http:// for a local test server).")
    public String issuerUrl;

    @RestForm
    @NotBlank(message = "Please enter the client ID the provider gave you.")
    @Size(max = 300, message = "The client ID can have at most {max} characters.")
    public String clientId;

    @RestForm
    @Size(max = 4000, message = "The client secret can have at most {max} characters.")
    public String clientSecret;

    @RestForm
    @Size(max = 100, message = "The team ID can have at most {max} characters.")
    @Pattern(regexp = "^[\\w.-]*$", message = "A team ID has letters and digits only.")
    public String teamId;

    @RestForm
    @Size(max = 100, message = "The key ID can have at most {max} characters.")
    @Pattern(regexp = "^[\\w.-]*$", message = "A key ID has letters and digits only.")
    public String keyId;

    @RestForm
    @Size(max = 500, message = "The scopes can have at most {max} characters.")
    @Pattern(regexp = "^[\\w:./ ,-]*$", message = "Scopes are words separated by spaces, such as openid profile email.")
    public String scopes;

    @RestForm
    @Size(max = 100, message = "The identity provider alias can have at most {max} characters.")
    @Pattern(regexp = "^[\\w.-]*$", message = "An alias has letters, digits, dots, dashes and underscores only.")
    public String idpHint;

    @RestForm
    @Size(max = 200, message = "The role or claim name can have at most {max} characters.")
    @Pattern(regexp = "^[\\w:./-]*$", message = "A role or claim name has no spaces.")
    public String moderatorClaim;

    @RestForm
    public String enabled;

    @RestForm
    public String publishDirectly;

    boolean isEnabled() {
        return enabled != null && !enabled.isBlank();
    }

    boolean isPublishDirectly() {
        return publishDirectly != null && !publishDirectly.isBlank();
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** What the form shows again: everything but the secret, which is never sent back to the browser. */
    Map<String, String> typed() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("kind", kind);
        values.put("displayName", displayName);
        values.put("buttonLabel", buttonLabel);
        values.put("iconUrl", iconUrl);
        values.put("issuerUrl", issuerUrl);
        values.put("clientId", clientId);
        values.put("scopes", scopes);
        values.put("idpHint", idpHint);
        values.put("teamId", teamId);
        values.put("keyId", keyId);
        values.put("moderatorClaim", moderatorClaim);
        values.put("enabled", isEnabled() ? "yes" : null);
        values.put("publishDirectly", isPublishDirectly() ? "yes" : null);
        return values;
    }

    static Map<String, String> of(LoginProvider p) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("kind", p.kind.name());
        values.put("displayName", p.displayName);
        values.put("buttonLabel", p.buttonLabel);
        values.put("iconUrl", p.iconUrl);
        values.put("issuerUrl", p.issuerUrl);
        values.put("clientId", p.clientId);
        values.put("scopes", p.scopes);
        values.put("idpHint", p.idpHint);
        values.put("teamId", p.teamId);
        values.put("keyId", p.keyId);
        values.put("moderatorClaim", p.moderatorClaim);
        values.put("enabled", p.enabled ? "yes" : null);
        values.put("publishDirectly", p.publishDirectly ? "yes" : null);
        values.put("hasSecret", p.clientSecret == null ? null : "yes");
        values.put("setUp", p.isSetUp() ? "yes" : null);
        return values;
    }
}
