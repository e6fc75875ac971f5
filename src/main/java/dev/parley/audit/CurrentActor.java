package dev.parley.audit;

/**
 * Who is acting in the current request, for services that record actions without being handed an actor.
 * Implemented where sign-ins are known; declared here so that the audit log depends on no feature.
 */
public interface CurrentActor {

    /** The signed-in person, or {@link Actor#SYSTEM} outside a request or when nobody is signed in. */
    Actor get();
}
