package vn.motcua.organization;

import java.util.Collection;
import java.util.Set;

/**
 * The units an officer may see and act in: their own units and every unit
 * below them; supervisors and administrators see all. Outside the scope every
 * module answers 404, as if the record did not exist.
 */
public record OfficerScope(StaffId staffId, boolean allUnits, Set<Long> unitIds) {

    public OfficerScope {
        unitIds = Set.copyOf(unitIds);
    }

    public static OfficerScope everything(StaffId staffId) {
        return new OfficerScope(staffId, true, Set.of());
    }

    public boolean includes(UnitId unit) {
        return unit != null && (allUnits || unitIds.contains(unit.value()));
    }

    public boolean includesAll(Collection<UnitId> units) {
        return units.stream().allMatch(this::includes);
    }

    /** The unit ids as an array for SQL {@code = ANY(?)}; meaningless when {@link #allUnits()}. */
    public Long[] unitIdArray() {
        return unitIds.toArray(Long[]::new);
    }
}
