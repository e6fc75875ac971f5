package dev.parley.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** One spelling per IP address, so that "::1" and "0:0:0:0:0:0:0:1" are the same address in a ban. */
public final class IpAddresses {

    // IPv4 dotted quads, or anything of hex digits, colons and dots that has a colon (IPv6): never a host name.
    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F.]*:[0-9a-fA-F:.]*");

    private IpAddresses() {}

    /** The address as Java prints it; anything that is not an IP literal is returned as given (never looked up). */
    public static String canonical(String address) {
        if (address == null || !LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            // A literal is parsed, never resolved: no DNS query can come from here.
            return InetAddress.getByName(address).getHostAddress().toLowerCase(Locale.ROOT);
        } catch (UnknownHostException | SecurityException notAnAddress) {
            return address;
        }
    }
}
