package vn.motcua.dossier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * File a dossier ({@code POST /api/v1/dossiers}). {@code competentUnitId}
 * names the commune (or ward) whose units handle a commune-level procedure
 * when the dossier is received elsewhere (any centre of the province may
 * receive any dossier); without it, the receiving unit's own commune.
 * {@code populationLookupId}, when the applicant's data was taken from the
 * national population database with their consent, names that look-up (the
 * integration module's); the filing's history row carries it, so the dossier
 * is marked as using population data.
 */
public record FileDossier(
        @NotBlank(message = "{validation.required}") String procedureCode,
        String caseId,
        @NotNull(message = "{validation.required}") Channel channel,
        @NotNull(message = "{validation.required}") @Valid Applicant applicant,
        @Size(max = 200, message = "{validation.list.tooMany}") List<@Valid ComponentItem> components,
        Long receivingUnitId,
        OffsetDateTime receivedAt,
        Long competentUnitId,
        @Size(max = 64, message = "{validation.tooLong}") String populationLookupId) {

    public FileDossier(String procedureCode, String caseId, Channel channel, Applicant applicant,
                       List<ComponentItem> components, Long receivingUnitId, OffsetDateTime receivedAt) {
        this(procedureCode, caseId, channel, applicant, components, receivingUnitId, receivedAt, null, null);
    }

    public FileDossier(String procedureCode, String caseId, Channel channel, Applicant applicant,
                       List<ComponentItem> components, Long receivingUnitId, OffsetDateTime receivedAt,
                       Long competentUnitId) {
        this(procedureCode, caseId, channel, applicant, components, receivingUnitId, receivedAt, competentUnitId, null);
    }
}
