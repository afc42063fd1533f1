package io.lifeboat.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalOptionsTests {

    @Test
    void sharedOptionsBeforeTheCommandMoveAfterIt() {
        assertThat(GlobalOptions.afterCommand(new String[] {"--format", "json", "-pdemo", "--api=http://x",
                "backup:list", "--limit", "2"}))
                .containsExactly("backup:list", "--format", "json", "-pdemo", "--api=http://x", "--limit", "2");
    }

    @Test
    void anythingElseIsLeftForPicocliToJudge() {
        String[][] untouched = {{"--help"}, {"-V", "backup:list"}, {"backup:list", "--format", "json"},
                {"--format", "json"}, {"--bogus", "backup:list"}};
        for (String[] args : untouched) {
            assertThat(GlobalOptions.afterCommand(args)).containsExactly(args);
        }
    }

    @Test
    void theTokenIsMaskedInMessages() {
        Redaction redaction = Redaction.of(new String[] {"--token", "s3cret-token"}, "env-t0ken");

        assertThat(redaction.apply("bad s3cret-token and env-t0ken")).isEqualTo("bad **** and ****");
    }
}
