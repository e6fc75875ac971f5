package dev.parley.identity;

import java.util.Set;

/** What an account may do. */
public enum AccountRole {
    OWNER("Site owner", Set.of(Roles.OWNER, Roles.MODERATOR)),
    MODERATOR("Moderator", Set.of(Roles.MODERATOR));

    private final String label;
    private final Set<String> grantedRoles;

    AccountRole(String label, Set<String> grantedRoles) {
        this.label = label;
        this.grantedRoles = grantedRoles;
    }

    public String label() {
        return label;
    }

    public Set<String> grantedRoles() {
        return grantedRoles;
    }
}
