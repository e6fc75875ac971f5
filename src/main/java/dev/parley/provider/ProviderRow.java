package dev.parley.provider;

/**
 * A provider as the owner's list shows it.
 *
 * @param setUp whether it has what signing in needs (a provider added to show its callback URL has not yet)
 */
public record ProviderRow(
        long id, String displayName, ProviderKind kind, boolean enabled, boolean publishDirectly, boolean setUp) {}
