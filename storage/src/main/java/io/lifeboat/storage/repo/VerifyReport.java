package io.lifeboat.storage.repo;

import java.util.List;

/**
 * The outcome of re-reading a backup.
 *
 * @param sample        the fraction of chunks checked (1.0 = all)
 * @param chunksChecked chunk copies read back and verified, over all locations
 * @param errors        one line per failure, naming the part, the object and the location
 */
public record VerifyReport(String backupId, double sample, long chunksChecked, long bytesChecked,
                           List<String> errors) {

    public boolean ok() {
        return errors.isEmpty();
    }
}
