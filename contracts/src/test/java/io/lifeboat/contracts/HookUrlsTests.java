package io.lifeboat.contracts;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HookUrlsTests {

    private static final SecretSealer SEALER = new SecretSealer(new SecureRandom().generateSeed(32));
    private static final String URL = "https://router:pa55w0rd@edge.example:8443/_hold?token=t0ken&env=main";

    @Test
    void redactionMasksUserInfoAndQueryValuesOnly() {
        assertThat(HookUrls.redact(URL)).isEqualTo("https://***@edge.example:8443/_hold?token=***&env=***");
        assertThat(HookUrls.redact("http://127.0.0.1:9000/hold")).isEqualTo("http://127.0.0.1:9000/hold");
        assertThat(HookUrls.redact("not a url")).doesNotContain("not a url");
        assertThat(HookUrls.redact("https://h/hold?S3CRETTOKEN&a=1")).isEqualTo("https://h/hold?***&a=***");
    }

    @Test
    void aUrlWithCredentialsIsSealedAndOpensForItsProjectOnly() {
        String sealed = HookUrls.seal(URL, SEALER, "shop");
        assertThat(sealed).doesNotContain("pa55w0rd").doesNotContain("t0ken")
                .startsWith("https://***@edge.example:8443/_hold?token=***&env=***#lifeboat-sealed=");
        assertThat(HookUrls.redact(sealed)).isEqualTo(HookUrls.redact(URL));
        assertThat(HookUrls.open(sealed, SEALER, "shop")).isEqualTo(URL);
        assertThatThrownBy(() -> HookUrls.open(sealed, SEALER, "other")).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("pa55w0rd");
        Hooks hooks = new Hooks(sealed, sealed);
        assertThat(hooks.toString()).doesNotContain("pa55w0rd").doesNotContain("t0ken").doesNotContain("sealed=");
    }

    @Test
    void aUrlWithoutCredentialsStaysAsItIs() {
        String plain = "http://127.0.0.1:9000/_lifeboat/hold";
        assertThat(HookUrls.seal(plain, SEALER, "shop")).isEqualTo(plain);
        assertThat(HookUrls.open(plain, SEALER, "shop")).isEqualTo(plain);
    }

    @Test
    void anInvalidHookNamesNoSecret() {
        assertThatThrownBy(() -> new Hooks("ftp://u:pa55w0rd@h/x", "http://h/y"))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("pa55w0rd");
    }
}
