package vn.motcua.reform;

/** A finding of an inspection and what it points at ({@code targetRef}: a dossier or procedure code, an officer's username). */
public record InspectionFindingCommand(String description, InspectionTargetKind targetKind, String targetRef) {
}
