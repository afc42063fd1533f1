package io.lifeboat.gateway.identity;

/** Whether a project exists and is not deleted. The project module owns projects and answers. */
public interface LiveProjects {

    boolean exists(String project);
}
