package dev.parley.provider;

import dev.parley.web.PrefixRouting;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives Quarkus the OIDC tenant of the provider named in the path ({@code /auth/{id}/...}): providers come
 * from the database, so the owner adds and changes them without a restart. Any other path has no tenant,
 * and an unknown or disabled provider none either, so Parley only ever contacts providers the owner stored.
 */
@ApplicationScoped
class ProviderTenants implements TenantConfigResolver {

    private static final Pattern PROVIDER_PATH = Pattern.compile("^/auth/(\\d{1,18})/");

    /**
     * Where no provider applies, a switched-off tenant, never "none": with none, Quarkus would fall back to a
     * tenant named by an OIDC cookie, so a replayed provider cookie could authenticate other pages.
     */
    static final OidcTenantConfig NO_PROVIDER = OidcTenantConfig.builder()
            .tenantId("parley-no-provider")
            .tenantEnabled(false)
            .build();

    @Inject
    ProviderService providers;

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
        Matcher matcher = PROVIDER_PATH.matcher(PrefixRouting.pathInside(context));
        if (!matcher.find()) {
            return Uni.createFrom().item(NO_PROVIDER);
        }
        long id = Long.parseLong(matcher.group(1));
        io.vertx.core.http.Cookie test = context.request().getCookie(SignInResource.TEST_COOKIE);
        boolean testing = test != null && providers.isTestTicket(test.getValue(), id);
        return request.runBlocking(() -> providers.tenantFor(id, testing).orElse(NO_PROVIDER));
    }
}
