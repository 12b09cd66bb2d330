package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NodeCacheTests {

    @Test
    void aValueIsLoadedOnceWhileFreshAndAgainAfterItIsForgotten() {
        NodeCache<String, String> cache = new NodeCache<>(60_000, 100);
        AtomicInteger loads = new AtomicInteger();
        assertThat(cache.get("a", k -> k + loads.incrementAndGet())).isEqualTo("a1");
        assertThat(cache.get("a", k -> k + loads.incrementAndGet())).isEqualTo("a1");
        cache.forgetAfterCommit(); // outside a transaction: at once
        assertThat(cache.get("a", k -> k + loads.incrementAndGet())).isEqualTo("a2");
    }

    @Test
    void anExpiredValueIsLoadedAgain() {
        NodeCache<String, String> cache = new NodeCache<>(-1, 100);
        AtomicInteger loads = new AtomicInteger();
        cache.get("a", k -> k + loads.incrementAndGet());
        assertThat(cache.get("a", k -> k + loads.incrementAndGet())).isEqualTo("a2");
    }

    @Test
    void aValueReadWhileAChangeCommittedIsNotKept() {
        NodeCache<String, String> cache = new NodeCache<>(60_000, 100);
        AtomicInteger loads = new AtomicInteger();
        assertThat(cache.get("a", k -> {
            cache.forget(); // the change commits while the old value is being read
            return "old" + loads.incrementAndGet();
        })).isEqualTo("old1");
        assertThat(cache.get("a", k -> "new" + loads.incrementAndGet())).isEqualTo("new2");
    }

    @Test
    void absentValuesAreNotKept() {
        NodeCache<String, String> cache = new NodeCache<>(60_000, 100);
        AtomicInteger loads = new AtomicInteger();
        assertThat(cache.get("a", k -> {
            loads.incrementAndGet();
            return null;
        })).isNull();
        assertThat(cache.get("a", k -> "found")).isEqualTo("found");
        assertThat(loads).hasValue(1);
    }
}
