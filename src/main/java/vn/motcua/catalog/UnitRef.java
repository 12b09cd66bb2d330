package vn.motcua.catalog;

import java.util.Optional;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitKind;

/**
 * Who acts: either a specific unit ({@code id}, with its {@code code} and
 * {@code name} filled in on reading), or a kind of unit ({@code kind}) that is
 * resolved within the receiving commune for commune-level procedures (for
 * example {@code ONE_STOP_DESK}: the commune's one-stop desk; {@code COMMUNE}
 * or {@code WARD}: the commune's People's Committee). On input a unit may be
 * named by its electronic identifier ({@code code}) or its {@code id}.
 */
public record UnitRef(Long id, String code, String name, UnitKind kind) {

    public static UnitRef unit(long id) {
        return new UnitRef(id, null, null, null);
    }

    public static UnitRef unitCode(String code) {
        return new UnitRef(null, code, null, null);
    }

    public static UnitRef kind(UnitKind kind) {
        return new UnitRef(null, null, null, kind);
    }

    /** True when this names a specific unit (by id or code) rather than a kind. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isSpecific() {
        return id != null || (code != null && !code.isBlank());
    }

    public Optional<UnitId> unitId() {
        return id == null ? Optional.empty() : Optional.of(new UnitId(id));
    }
}
