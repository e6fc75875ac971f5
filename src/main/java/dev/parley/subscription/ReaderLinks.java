package dev.parley.subscription;

import dev.parley.mail.PublicLinks;
import dev.parley.web.Hmac;
import dev.parley.web.Routes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The links in readers' mails that need no account: unsubscribe (one subscription, or everything an address
 * gets) and manage. They are signed with a key derived from the deployment's session key, so nothing stored in
 * the database is enough to make one. Unsubscribe links never expire (RFC 8058 clients use them at any time,
 * and using one twice does no harm); a manage link lasts until the reader stops everything, which changes the
 * address's random {@code manage_nonce} and so ends every earlier manage link.
 */
@ApplicationScoped
public class ReaderLinks {

    private static final Pattern UNSUBSCRIBE = Pattern.compile("([sa])(\\d{1,18})-([0-9a-f]{64})");
    private static final Pattern MANAGE = Pattern.compile("(\\d{1,18})-([0-9a-f]{64})");

    private final String key;

    @Inject
    PublicLinks links;

    ReaderLinks(@ConfigProperty(name = "parley.session-key") String sessionKey) {
        // A key of its own, so that these signatures can never stand in for any other signed value.
        this.key = Hmac.sign(sessionKey, "reader-mail-links");
    }

    /** What an unsubscribe link stops: one subscription, or everything mailed to one address. */
    sealed interface Target {}

    record OneSubscription(long subscriptionId) implements Target {}

    record WholeAddress(long addressId) implements Target {}

    String absolute(String link) {
        return links.absolute(link);
    }

    String unsubscribeUrl(Subscription subscription) {
        return links.absolute(Routes.mailUnsubscribe(signed("s" + subscription.id)));
    }

    String unsubscribeAllUrl(MailAddress address) {
        return links.absolute(Routes.mailUnsubscribe(signed("a" + address.id)));
    }

    String manageUrl(MailAddress address) {
        return links.absolute(Routes.mailSubscriptions(manageToken(address)));
    }

    String manageToken(MailAddress address) {
        return address.id + "-" + Hmac.sign(key, "manage:" + address.id + ":" + address.manageNonce);
    }

    private String signed(String what) {
        return what + "-" + Hmac.sign(key, "unsubscribe:" + what);
    }

    Optional<Target> unsubscribeTarget(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Matcher m = UNSUBSCRIBE.matcher(token);
        if (!m.matches() || !Hmac.matches(key, "unsubscribe:" + m.group(1) + m.group(2), m.group(3))) {
            return Optional.empty();
        }
        long id = Long.parseLong(m.group(2));
        return Optional.of("s".equals(m.group(1)) ? new OneSubscription(id) : new WholeAddress(id));
    }

    /** The address a manage link is for, when it is genuine and still current. */
    Optional<MailAddress> manageAddress(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Matcher m = MANAGE.matcher(token);
        if (!m.matches()) {
            return Optional.empty();
        }
        MailAddress address = MailAddress.findById(Long.parseLong(m.group(1)));
        return address != null && Hmac.matches(key, "manage:" + address.id + ":" + address.manageNonce, m.group(2))
                ? Optional.of(address)
                : Optional.empty();
    }
}
