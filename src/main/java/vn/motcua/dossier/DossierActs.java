package vn.motcua.dossier;

import java.util.List;

/**
 * One dossier's whole history as {@link DossierActed} values, read back from
 * the dossier module's own tables for a consumer that rebuilds its read model
 * ({@link DossierService#replayActs}), with the dossier's papers and result
 * file as they stand now (they no longer change once processing has ended).
 *
 * <p>The acts are in history order. Each carries the state after it as far
 * as the history tells it: receipt and appointment times (the receipt's, the
 * resumptions' and the apologies' details), the handling unit (the first
 * step's unit at receipt, the hand-over's unit on forwarding and completion,
 * the successor on a transfer), the running counts of supplement requests and
 * apologies, the channel and the units named on the dossier. Not in the
 * history, so {@code null}: the assignee and the step's due time.
 *
 * <p>{@code version} is the dossier's version when the history was read, and
 * every act carries it, with its ordinal in the history as {@code index}: a
 * consumer marks what it rebuilt with the last act's {@code (version, index)}
 * and then ignores a live act of that version or an older one (those are all
 * in this history), and takes every later one.
 */
public record DossierActs(String code, int version, List<DossierActed> acts, String resultFileId,
                          List<ComponentItem> components) {

    public DossierActs {
        acts = List.copyOf(acts);
        components = List.copyOf(components);
    }
}
