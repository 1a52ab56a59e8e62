package dev.anchor.blocks.security;

/** The roles carried in the JWT {@code groups} claim. */
public final class Roles {
    /** Staff who own and work issues. */
    public static final String AGENT = "agent";
    /** Staff leads: everything an agent does, plus destructive operations such as erasure. */
    public static final String SUPERVISOR = "supervisor";
    /** Store or repair centre users: a narrow view of what they need. */
    public static final String PARTNER = "partner";
    /** Other services and automation. */
    public static final String SYSTEM = "system";

    private Roles() {
    }
}
