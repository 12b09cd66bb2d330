package vn.motcua.audit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The answer of a walk over the chain: whether every entry's hash matches
 * its fields and the entry before it, how many entries were checked, the
 * first one that does not (null when all do), the time it took, and the
 * head the walk went up to (worth writing down outside MotCua: a later walk
 * that finds another hash at that seq proves the chain was rewritten); and
 * the daily signed anchors checked (V43), with the first one the trail no
 * longer matches. {@code ok} only when both hold.
 */
public record AuditVerification(boolean ok, long entries, Broken firstBroken, long elapsedMs, long lastSeq, String lastHash,
                                long anchors, BrokenAnchor firstBrokenAnchor) {

    /** The walk of the chain alone, before the anchors are checked. */
    public AuditVerification(boolean ok, long entries, Broken firstBroken, long elapsedMs, long lastSeq, String lastHash) {
        this(ok, entries, firstBroken, elapsedMs, lastSeq, lastHash, 0, null);
    }

    /**
     * The first daily anchor the trail no longer matches.
     *
     * @param problem {@code signature} (the anchor's signature is not the key's: the anchor itself was forged or
     *                edited), {@code rewritten} (the entry at {@code seq} no longer has the anchored hash: the trail
     *                was rewritten and re-chained) or {@code missing} (the trail no longer reaches {@code seq})
     */
    public record BrokenAnchor(LocalDate day, long seq, String problem) {
    }

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
