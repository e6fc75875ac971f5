package dev.parley.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** One spelling per IP address, so that "::1" and "0:0:0:0:0:0:0:1" are the same address in a ban. */
public final class IpAddresses {

    // IPv4 dotted quads, or anything of hex digits, colons and dots that has a colon (IPv6): never a host name.
    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F.]*:[0-9a-fA-F:.]*");

    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private IpAddresses() {}

    /**
     * Whether this is one IPv4 address in dotted-quad form (no leading zeros, which some tools read as octal)
     * or one IPv6 address; never a host name, a range or a zone.
     */
    public static boolean isAddress(String address) {
        if (address == null || address.isEmpty() || address.length() > 45) {
            return false;
        }
        if (IPV4.matcher(address).matches()) {
            return true;
        }
        if (address.indexOf(':') < 0 || !LITERAL.matcher(address).matches()) {
            return false;
        }
        try {
            // With a colon, Java parses an IPv6 literal and never resolves it: no DNS query can come from here.
            InetAddress.getByName(address);
            return true;
        } catch (UnknownHostException | SecurityException notAnAddress) {
            return false;
        }
    }

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
