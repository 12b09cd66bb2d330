package vn.motcua.catalog.internal;

import java.util.List;
import vn.motcua.catalog.ProcedureCase;
import vn.motcua.catalog.Step;
import vn.motcua.catalog.UnitRef;

/** Rewrites the unit references of a procedure's content when a unit is merged into its successor. */
final class UnitMoves {

    private UnitMoves() {
    }

    static ProcedureContent replace(ProcedureContent c, long from, long to) {
        List<ProcedureCase> cases = c.cases().stream().map(k -> new ProcedureCase(k.id(), k.name(), k.duration(),
                k.onlineDuration(), k.steps().stream().map(s -> new Step(s.name(), s.role(), moved(s.unit(), from, to),
                        s.share())).toList())).toList();
        return new ProcedureContent(c.name(), c.field(), c.level(), moved(c.agency(), from, to), c.subjects(), c.methods(),
                c.onlineLevel(), c.interAgency(), c.crossBoundary(), cases, c.components(), c.forms(), c.fees(),
                c.feeVnd(), c.resultType(), c.legalBasis());
    }

    private static UnitRef moved(UnitRef ref, long from, long to) {
        return ref != null && ref.id() != null && ref.id() == from ? UnitRef.unit(to) : ref;
    }
}
