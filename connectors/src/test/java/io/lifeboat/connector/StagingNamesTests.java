package io.lifeboat.connector;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class StagingNamesTests {

    private static final String OPERATION = "019b7acc5c607b1d97f9ced521d589e7";

    @Test
    void aShortNameKeepsItsWholePrefix() {
        assertThat(StagingNames.beside("shop", "lbr", OPERATION, 63)).startsWith("shop_lbr_").endsWith("_d521d589e7");
    }

    @Test
    void twoLongNamesThatShareAPrefixGetDifferentNames() {
        String common = "a".repeat(60);
        String first = StagingNames.beside(common + "_one", "lbo", OPERATION, 63);
        String second = StagingNames.beside(common + "_two", "lbo", OPERATION, 63);
        assertThat(first).isNotEqualTo(second);
        assertThat(first.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
    }

    @Test
    void aMultibyteNameFitsInBytesAndIsCutBetweenCharacters() {
        String name = StagingNames.beside("ü".repeat(40), "lbr", OPERATION, 63);
        assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
        assertThat(name).startsWith("üü").doesNotContain("\uFFFD");
    }
}
