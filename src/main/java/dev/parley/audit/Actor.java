package dev.parley.audit;

/**
 * Who acted: a local account, a reader identity with a moderator role, or Parley itself (scheduled jobs).
 * The name is copied into each entry so that the log still reads well after an account is removed.
 */
public record Actor(String name, Long accountId, Long identityId) {

    public static final Actor SYSTEM = new Actor("Parley (automatic)", null, null);
}
