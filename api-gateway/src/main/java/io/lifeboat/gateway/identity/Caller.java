package io.lifeboat.gateway.identity;

/**
 * Who is calling. {@code platformRole} is {@code root} (the configured admin token), {@code support},
 * {@code platform} (the platform's service account) or null. A token may be scoped to one project.
 */
public record Caller(String userId, String name, String platformRole, String scopedProject, String tokenId) {

    public static final String ROOT = "root";

    public boolean root() {
        return ROOT.equals(platformRole);
    }

    public boolean platform() {
        return "platform".equals(platformRole);
    }

    public boolean support() {
        return "support".equals(platformRole);
    }

    /** Whether the token's scope lets it reach this project at all. */
    public boolean reaches(String project) {
        return scopedProject == null || scopedProject.equals(project);
    }

    @Override
    public String toString() {
        return "Caller[" + name + "]";
    }
}
