package vn.motcua.dossier;

/** A unit as the dossier views name it. */
public record UnitRef(long id, String code, String name) {
}
