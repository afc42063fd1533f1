package io.lifeboat.storage.repo;

import java.util.List;

/**
 * What one repair pass did.
 *
 * @param objects  objects found in at least one location
 * @param repaired objects that were missing from some locations and are now in every one
 * @param problems what could not be repaired, each naming the object and the location; empty when all is well
 */
public record RepairReport(long objects, int repaired, List<String> problems) {

    public boolean ok() {
        return problems.isEmpty();
    }
}
