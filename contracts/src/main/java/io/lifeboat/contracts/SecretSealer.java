package io.lifeboat.contracts;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals service credentials so that they cross topics and sit in tables as ciphertext only.
 * The gateway seals; the workers, which share the secrets key, open. AES-256-GCM, with the
 * part's identity as associated data so a sealed secret cannot be moved to another part.
 */
public final class SecretSealer {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] key;

    public SecretSealer(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("the secrets key must be 32 bytes (base64 of 32 random bytes)");
        }
        this.key = key.clone();
    }

    public static SecretSealer fromBase64(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("lifeboat.secrets.key is not set");
        }
        return new SecretSealer(Base64.getDecoder().decode(key.trim()));
    }

    public String seal(String plaintext, String context) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[12 + sealed.length];
            System.arraycopy(nonce, 0, out, 0, 12);
            System.arraycopy(sealed, 0, out, 12, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    public String open(String sealed, String context) {
        try {
            byte[] data = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, data, 0, 12));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(data, 12, data.length - 12), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new IllegalArgumentException("a sealed secret for " + context
                    + " cannot be opened: wrong secrets key, or it was sealed for another part");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("opening a sealed secret failed", e);
        }
    }

    /** The associated data for a part's password: the environment and the part name. */
    public static String context(EnvironmentRef environment, String part) {
        return "lifeboat-secret|" + environment.key() + "|" + part;
    }
}
