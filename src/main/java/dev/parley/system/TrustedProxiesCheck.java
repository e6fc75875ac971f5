package dev.parley.system;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Warns about trusted proxies written as host names. Quarkus resolves every such entry (and a bare IPv6
 * address such as {@code ::1}, which it parses as a host name) with a DNS query on every request, which
 * costs a round trip per request, or five seconds per request where DNS does not answer.
 */
@ApplicationScoped
class TrustedProxiesCheck {

    private static final Logger LOG = Logger.getLogger(TrustedProxiesCheck.class);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?");
    private static final Pattern IPV6_RANGE = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/\\d{1,3}");

    @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies")
    Optional<List<String>> trustedProxies;

    void onStart(@Observes StartupEvent event) {
        for (String entry : trustedProxies.orElse(List.of())) {
            String proxy = entry.strip();
            if (!proxy.isEmpty() && !isAddressOrRange(proxy)) {
                LOG.warnf(
                        "PARLEY_TRUSTED_PROXIES entry '%s' is not an IPv4 address or an address range: it will be"
                                + " looked up in DNS on every request. Write addresses or CIDR ranges (IPv6 as"
                                + " ranges, e.g. ::1/128).",
                        proxy);
            }
        }
    }

    static boolean isAddressOrRange(String proxy) {
        return IPV4.matcher(proxy).matches() || IPV6_RANGE.matcher(proxy).matches();
    }
}
