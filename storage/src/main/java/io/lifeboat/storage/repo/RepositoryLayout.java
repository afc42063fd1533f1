package io.lifeboat.storage.repo;

/**
 * The one owner of object keys. Every location of a repository has the same layout:
 *
 * <pre>
 * config                                       repository config, plaintext JSON (format version)
 * keys/{project}/{keyId}                       project keys wrapped by a master key
 * data/{project}/{pack[0..2]}/{pack}           packs of encrypted chunks
 * index/{project}/{name}                       encrypted index: which chunk is where in which pack
 * parts/{project}/{backup}/{part}              encrypted part manifest: the part's file tree
 * backups/{project}/{environment}/{backup}     encrypted backup manifest, written last: the commit marker
 * leases/{project}/{backup}-{part}             a running writer's lease, plaintext JSON
 * gc/{project}/{name}                          packs condemned by garbage collection, encrypted
 * </pre>
 */
public final class RepositoryLayout {

    public static final String CONFIG = "config";

    static String projectKey(String project, String keyId) {
        return "keys/" + project + "/" + keyId;
    }

    static String projectKeys(String project) {
        return "keys/" + project + "/";
    }

    static String allProjectKeys() {
        return "keys/";
    }

    static String pack(String project, String packId) {
        return "data/" + project + "/" + packId.substring(0, 2) + "/" + packId;
    }

    static String packs(String project) {
        return "data/" + project + "/";
    }

    static String packId(String packKey) {
        return packKey.substring(packKey.lastIndexOf('/') + 1);
    }

    static String index(String project, String name) {
        return "index/" + project + "/" + name;
    }

    static String indexes(String project) {
        return "index/" + project + "/";
    }

    static String part(String project, String backupId, String part) {
        return "parts/" + project + "/" + backupId + "/" + part;
    }

    static String parts(String project, String backupId) {
        return "parts/" + project + "/" + backupId + "/";
    }

    static String partsOf(String project) {
        return "parts/" + project + "/";
    }

    static String backup(String project, String environment, String backupId) {
        return "backups/" + project + "/" + environment + "/" + backupId;
    }

    static String backups(String project) {
        return "backups/" + project + "/";
    }

    static String allBackups() {
        return "backups/";
    }

    static String lease(String project, String backupId, String part) {
        return "leases/" + project + "/" + backupId + "-" + part;
    }

    static String leases(String project) {
        return "leases/" + project + "/";
    }

    static String condemned(String project, String name) {
        return "gc/" + project + "/" + name;
    }

    static String condemnedRecords(String project) {
        return "gc/" + project + "/";
    }

    private RepositoryLayout() {
    }
}
