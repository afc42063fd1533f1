package io.lifeboat.storage.crypto;

import io.lifeboat.storage.pool.Pool;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/** AES-256-GCM with a random 96-bit nonce: {@code nonce || ciphertext || tag}. */
public final class Aead {

    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;
    public static final int OVERHEAD = NONCE_BYTES + TAG_BYTES;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.concurrent.atomic.AtomicBoolean WARM = new java.util.concurrent.atomic.AtomicBoolean();
    private static final Pool<Cipher> CIPHERS = new Pool<>(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }, 64);

    public static byte[] seal(byte[] key, byte[] plaintext, int offset, int length, byte[] aad) {
        byte[] out = new byte[NONCE_BYTES + length + TAG_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        return CIPHERS.apply(cipher -> {
            try {
                cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
                cipher.updateAAD(aad);
                cipher.doFinal(plaintext, offset, length, out, NONCE_BYTES);
                return out;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("encryption failed", e);
            }
        });
    }

    public static byte[] seal(byte[] key, byte[] plaintext, byte[] aad) {
        return seal(key, plaintext, 0, plaintext.length, aad);
    }

    /** Decrypts and authenticates; throws {@link CorruptDataException} naming {@code what} on any mismatch. */
    public static byte[] open(byte[] key, byte[] sealed, int offset, int length, byte[] aad, String what) {
        if (length < OVERHEAD) {
            throw new CorruptDataException(what + " is truncated (" + length + " bytes)", null);
        }
        return CIPHERS.apply(cipher -> {
            try {
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                        new GCMParameterSpec(128, sealed, offset, NONCE_BYTES));
                cipher.updateAAD(aad);
                return cipher.doFinal(sealed, offset + NONCE_BYTES, length - NONCE_BYTES);
            } catch (AEADBadTagException e) {
                throw new CorruptDataException(what + " failed authentication: corrupted, or not encrypted with this "
                        + "key", e);
            } catch (GeneralSecurityException e) {
                throw new CorruptDataException(what + " cannot be decrypted: " + e.getMessage(), e);
            }
        });
    }

    public static byte[] open(byte[] key, byte[] sealed, byte[] aad, String what) {
        return open(key, sealed, 0, sealed.length, aad, what);
    }

    /**
     * Runs the cipher on many small inputs so that the JIT compiles it (and uses the CPU's AES instructions)
     * before the first large chunk: interpreted, the first megabytes would be a hundred times slower.
     */
    public static void warmUp() {
        if (WARM.getAndSet(true)) {
            return;
        }
        byte[] key = new byte[32];
        byte[] data = new byte[2048];
        byte[] aad = new byte[16];
        for (int i = 0; i < 12_000; i++) {
            byte[] sealed = seal(key, data, 0, data.length, aad);
            open(key, sealed, 0, sealed.length, aad, "warm-up");
        }
    }

    public static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    private Aead() {
    }
}
