package io.lifeboat.gateway.project;

import java.time.Instant;

/** A project as the API shows it. */
public record Project(String id, String title, String tier, String plan, String timezone, String schedule,
                      Instant createdAt, Instant updatedAt) {
}
