package vn.motcua.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values one node keeps for a short while because nearly every request needs
 * them and they change rarely (scopes, accounts, published procedures; see
 * decisions.md, Scope). A value is read through {@link #get}, kept for the
 * time given, and dropped with all others by {@link #forgetAfterCommit} when
 * this node changes what it was read from; another node's change shows once
 * the time runs out. A value read while such a change was committing is not
 * kept (it may predate the change). Absent values (null) are not kept.
 */
public final class NodeCache<K, V> {

    private record Entry<V>(V value, long loadedAt) {
    }

    private final long ttlMillis;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public NodeCache(long ttlMillis, int maxEntries) {
        this.ttlMillis = ttlMillis;
        this.maxEntries = maxEntries;
    }

    /** The kept value if fresh, else the loaded one (kept unless null or a change committed meanwhile). */
    public V get(K key, Function<? super K, ? extends V> load) {
        long now = System.currentTimeMillis();
        Entry<V> e = entries.get(key);
        if (e != null && now - e.loadedAt() <= ttlMillis) {
            return e.value();
        }
        long before = generation.get();
        V value = load.apply(key);
        if (value != null) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now));
            if (generation.get() != before) {
                entries.remove(key);
            }
        }
        return value;
    }

    /** Drops every value now, and again once the current transaction (if any) has completed. */
    public void forgetAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
        forget();
    }

    /** Drops every value now. */
    public void forget() {
        generation.incrementAndGet();
        entries.clear();
    }
}
