package io.lifeboat.retention.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.lifeboat.retention.policy.Interval.DAY;
import static io.lifeboat.retention.policy.Interval.MONTH;
import static io.lifeboat.retention.policy.Interval.WEEK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PolicyTests {

    @ParameterizedTest
    @CsvSource({"basic, 2, 2", "advanced, 4, 21", "premium, 4, 44", "dedicated-gen2, 4, 26"})
    void builtInPoliciesHaveTheDocumentedAllowances(String name, int manual, int automated) {
        Policy policy = Policy.named(name);
        assertThat(policy.name()).isEqualTo(name);
        assertThat(policy.manualAllowance()).isEqualTo(manual);
        assertThat(policy.automatedCapacity()).isEqualTo(automated);
    }

    @Test
    void builtInPoliciesHaveTheDocumentedRules() {
        assertThat(Policy.BASIC.rules()).containsExactly(new Rule(DAY, 2));
        assertThat(Policy.ADVANCED.rules()).containsExactly(new Rule(DAY, 6), new Rule(WEEK, 3), new Rule(MONTH, 12));
        assertThat(Policy.PREMIUM.rules()).containsExactly(Rule.of("6h", 3), Rule.of("1d", 30), Rule.of("1M", 11));
        assertThat(Policy.DEDICATED_GEN2.rules()).containsExactly(Rule.of("6h", 12), Rule.of("1d", 3),
                Rule.of("1w", 5), Rule.of("2w", 3), Rule.of("1M", 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PREMIUM", "Premium", " premium "})
    void namesAreCaseInsensitive(String name) {
        assertThat(Policy.named(name)).isSameAs(Policy.PREMIUM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "gold", "dedicated", "basic2"})
    void unknownNamesAreRefused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> Policy.named(name))
                .withMessageContaining("\"" + name + "\"");
    }

    @Test
    void customRulesAreSortedFinestFirst() {
        Policy policy = Policy.custom("mine", 3, List.of(Rule.of("1M", 12), Rule.of("1d", 7), Rule.of("1w", 4)));
        assertThat(policy.rules()).containsExactly(Rule.of("1d", 7), Rule.of("1w", 4), Rule.of("1M", 12));
        assertThat(policy.automatedCapacity()).isEqualTo(23);
    }

    @Test
    void customPoliciesAreValidated() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Policy.custom("mine", 3, List.of(Rule.of("1d", 7), Rule.of("1d", 2))))
                .withMessageContaining("two rules for interval 1d");
        assertThatIllegalArgumentException().isThrownBy(() -> Policy.custom("mine", -1, List.of()))
                .withMessageContaining("-1");
        assertThatIllegalArgumentException().isThrownBy(() -> Policy.custom(" ", 1, List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> Rule.of("1d", 0)).withMessageContaining("0");
        assertThatIllegalArgumentException().isThrownBy(() -> Rule.of("1x", 3)).withMessageContaining("\"1x\"");
    }
}
