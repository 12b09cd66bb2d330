package vn.motcua.organization;

/** A unit as other modules and pages see it. */
public record UnitView(
        long id,
        String code,
        String name,
        UnitKind kind,
        UnitLevel level,
        Long parentId,
        String address,
        String phone,
        boolean active,
        Long successorId,
        int version) {

    public UnitId unitId() {
        return new UnitId(id);
    }
}
