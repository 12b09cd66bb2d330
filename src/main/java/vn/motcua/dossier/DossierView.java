package vn.motcua.dossier;

import java.time.OffsetDateTime;
import java.util.List;

/** A dossier as the API and pages show it (API.md, GET /dossiers/{code}). */
public record DossierView(
        String code,
        String procedureCode,
        int procedureVersion,
        String procedureName,
        String caseId,
        String caseName,
        String channel,
        int statusCode,
        String status,
        Applicant applicant,
        List<ComponentItem> components,
        UnitRef receivingUnit,
        UnitRef handlingUnit,
        CurrentStep currentStep,
        List<StepView> steps,
        OffsetDateTime filedAt,
        OffsetDateTime receivedAt,
        OffsetDateTime appointmentAt,
        OffsetDateTime originalAppointmentAt,
        OffsetDateTime finishedAt,
        OffsetDateTime returnedAt,
        boolean overdue,
        String timing,
        int supplementRequests,
        List<String> supplementItems,
        int apologies,
        long feeVnd,
        Long paymentAmountVnd,
        String resultNumber,
        String resultFileId,
        String returnChannel,
        int version) {

    /** Where the dossier is now. */
    public record CurrentStep(int seq, String name, String role, UnitRef unit, StaffRef assignee, OffsetDateTime dueAt) {
    }

    /** An officer as views name them. */
    public record StaffRef(long id, String fullName) {
    }

    /** A workflow step with its due time and, once done, its timing. */
    public record StepView(int seq, String name, String role, UnitRef unit, OffsetDateTime dueAt,
                           OffsetDateTime startedAt, OffsetDateTime finishedAt, String timing) {
    }
}
