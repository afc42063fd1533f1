package io.lifeboat.gateway.project;

/**
 * A project is being deleted, inside the deleting transaction. Listeners take the tombstone backups first
 * ({@code @Order(1)}), then remove the project's environments ({@code @Order(2)}).
 */
public record ProjectDeleting(String project) {
}
