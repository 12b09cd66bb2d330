package vn.motcua.dossier.internal;

/** Who acts: the staff member (or the system) and the unit they act for. */
public record Actor(Long staffId, String name, Long unitId) {

    public static Actor system(String name) {
        return new Actor(null, name, null);
    }
}
