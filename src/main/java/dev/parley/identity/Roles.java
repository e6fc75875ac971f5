package dev.parley.identity;

/** Role names for {@code @RolesAllowed}. An owner holds both roles. */
public final class Roles {

    public static final String OWNER = "owner";
    public static final String MODERATOR = "moderator";

    private Roles() {}
}
