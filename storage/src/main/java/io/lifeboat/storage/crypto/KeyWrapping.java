package io.lifeboat.storage.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Envelope encryption of project keys: {@code dataKey || macKey} sealed under a master key. */
public final class KeyWrapping {

    public static byte[] wrap(MasterKey master, String project, String keyId, byte[] dataKey, byte[] macKey) {
        byte[] material = new byte[64];
        System.arraycopy(dataKey, 0, material, 0, 32);
        System.arraycopy(macKey, 0, material, 32, 32);
        try {
            return Aead.seal(master.key(), material, aad(project, keyId));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    public static ProjectKeys unwrap(MasterKey master, String project, String keyId, byte[] wrapped) {
        byte[] material = Aead.open(master.key(), wrapped, aad(project, keyId),
                "key " + keyId + " of project " + project + " (master key " + master.id() + ")");
        try {
            return new ProjectKeys(project, keyId, Arrays.copyOfRange(material, 0, 32),
                    Arrays.copyOfRange(material, 32, 64));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** Rewraps a key under another master key without the key leaving this class. */
    public static byte[] rewrap(MasterKey from, MasterKey to, String project, String keyId, byte[] wrapped) {
        ProjectKeys keys = unwrap(from, project, keyId, wrapped);
        return wrap(to, project, keyId, keys.dataKey(), keys.macKey());
    }

    private static byte[] aad(String project, String keyId) {
        return ("lifeboat-project-key|" + project + "|" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private KeyWrapping() {
    }
}
