package dev.parley.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrustedProxiesCheckTest {

    @Test
    void addressesAndRangesPassHostNamesAndBareIpv6DoNot() {
        for (String good : new String[] {"127.0.0.1", "10.0.0.0/8", "::1/128", "fd00::/8", "2001:db8::1/128"}) {
            assertTrue(TrustedProxiesCheck.isAddressOrRange(good), good);
        }
        for (String bad : new String[] {"::1", "lb", "proxy.example.org", "2001:db8::1"}) {
            assertFalse(TrustedProxiesCheck.isAddressOrRange(bad), bad);
        }
    }
}
