package io.lifeboat.storage.crypto;

import io.lifeboat.storage.pool.Pool;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * One project's data key (AES-256-GCM) and chunk-id key (HMAC-SHA256). Chunk ids are keyed,
 * so one tenant cannot tell whether another stores some content.
 */
public final class ProjectKeys {

    private final String project;
    private final String keyId;
    private final byte[] dataKey;
    private final byte[] macKey;
    private final Pool<Mac> macs;

    public ProjectKeys(String project, String keyId, byte[] dataKey, byte[] macKey) {
        this.project = project;
        this.keyId = keyId;
        this.dataKey = dataKey.clone();
        this.macKey = macKey.clone();
        this.macs = new Pool<>(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(this.macKey, "HmacSHA256"));
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        }, 64);
    }

    public String project() {
        return project;
    }

    public String keyId() {
        return keyId;
    }

    byte[] dataKey() {
        return dataKey;
    }

    byte[] macKey() {
        return macKey;
    }

    /** The keyed id of a chunk: 64 hex characters. */
    public String chunkId(byte[] data, int offset, int length) {
        return macs.apply(m -> {
            m.update(data, offset, length);
            return HexFormat.of().formatHex(m.doFinal());
        });
    }

    public byte[] seal(byte[] plaintext, int offset, int length, byte[] aad) {
        return Aead.seal(dataKey, plaintext, offset, length, aad);
    }

    public byte[] open(byte[] sealed, int offset, int length, byte[] aad, String what) {
        return Aead.open(dataKey, sealed, offset, length, aad, what);
    }

    @Override
    public String toString() {
        return "ProjectKeys[" + project + "/" + keyId + "]";
    }
}
