package dev.parley.provider;

/** A provider as the owner's list shows it. */
public record ProviderRow(long id, String displayName, ProviderKind kind, boolean enabled, boolean publishDirectly) {}
