package dev.parley.web;

import java.util.Optional;

/**
 * The owner's other websites, as the shared plumbing needs them: which origins may send forms to Parley (a
 * thread's reply form lives in their pages) and which addresses are pages of theirs that Parley may send a
 * reader back to. Implemented by the sites feature; here so that web/ knows no feature.
 */
public interface HostPages {

    /** Whether a browser's {@code Origin} header names an origin of a registered site. */
    boolean isRegisteredOrigin(String originHeader);

    /** The address written canonically, when it is a page of a registered site; empty otherwise. */
    Optional<String> knownPage(String address);
}
