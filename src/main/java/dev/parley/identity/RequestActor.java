package dev.parley.identity;

import dev.parley.audit.Actor;
import dev.parley.audit.CurrentActor;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The audit log's actor: whoever is signed in to the current request. */
@ApplicationScoped
class RequestActor implements CurrentActor {

    @Inject
    Viewer viewer;

    @Override
    public Actor get() {
        if (!Arc.container().requestContext().isActive() || !viewer.isSignedIn()) {
            return Actor.SYSTEM;
        }
        return viewer.actor();
    }
}
