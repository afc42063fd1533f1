package io.lifeboat.storage.pool;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoolTests {

    @Test
    void reusesAnObjectOnceItsUserIsDone() {
        AtomicInteger built = new AtomicInteger();
        Pool<StringBuilder> pool = new Pool<>(() -> new StringBuilder("#" + built.incrementAndGet()), 4);
        String first = pool.apply(StringBuilder::toString);
        String second = pool.apply(StringBuilder::toString);
        assertThat(first).isEqualTo("#1");
        assertThat(second).isEqualTo("#1");
        assertThat(built).hasValue(1);
    }

    @Test
    void buildsAnotherObjectForANestedUser() {
        AtomicInteger built = new AtomicInteger();
        Pool<Integer> pool = new Pool<>(built::incrementAndGet, 4);
        int inner = pool.apply(outer -> pool.apply(nested -> nested + outer * 10));
        assertThat(inner).isEqualTo(12);
    }

    @Test
    void dropsAnObjectWhoseUseThrew() {
        AtomicInteger built = new AtomicInteger();
        Pool<Integer> pool = new Pool<>(built::incrementAndGet, 4);
        assertThatThrownBy(() -> pool.apply(n -> {
            throw new IllegalStateException("broken " + n);
        })).hasMessage("broken 1");
        int next = pool.apply(n -> n);
        assertThat(next).isEqualTo(2);
    }

    @Test
    void keepsAtMostMaxIdleObjects() {
        AtomicInteger built = new AtomicInteger();
        Pool<Integer> pool = new Pool<>(built::incrementAndGet, 1);
        pool.apply(a -> pool.apply(b -> b)); // 2 is given back first and kept; 1 finds the pool full
        int reused = pool.apply(n -> n);
        assertThat(reused).isEqualTo(2);
        assertThat(built).hasValue(2);
    }

    @Test
    void discardsWhatItDrops() {
        AtomicInteger built = new AtomicInteger();
        List<Integer> discarded = new ArrayList<>();
        Pool<Integer> pool = new Pool<>(built::incrementAndGet, discarded::add, 1);
        pool.apply(a -> pool.apply(b -> b));
        assertThatThrownBy(() -> pool.apply(n -> {
            throw new IllegalStateException("broken " + n);
        })).hasMessage("broken 2");
        assertThat(discarded).containsExactly(1, 2);
    }
}
