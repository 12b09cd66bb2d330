package vn.motcua.audit;

import java.time.Instant;

/**
 * The answer of a walk over the chain: whether every entry's hash matches
 * its fields and the entry before it, how many entries were checked, the
 * first one that does not (null when all do), the time it took, and the
 * head the walk went up to (worth writing down outside MotCua: a later walk
 * that finds another hash at that seq proves the chain was rewritten).
 */
public record AuditVerification(boolean ok, long entries, Broken firstBroken, long elapsedMs, long lastSeq, String lastHash) {

    /**
     * The first entry that breaks the chain. {@code id}, {@code at} and
     * {@code kind} are null when the entry is missing (a gap or a cut tail).
     *
     * @param problem {@code hash} (its fields do not give its hash), {@code link}
     *                (it does not follow the entry before it), {@code gap} (seq
     *                missing before it) or {@code tail} (entries after it missing)
     */
    public record Broken(long seq, Long id, Instant at, String kind, String problem) {
    }
}
