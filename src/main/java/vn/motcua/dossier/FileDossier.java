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
 */
public record FileDossier(
        @NotBlank(message = "{validation.required}") String procedureCode,
        String caseId,
        @NotNull(message = "{validation.required}") Channel channel,
        @NotNull(message = "{validation.required}") @Valid Applicant applicant,
        @Size(max = 200, message = "{validation.list.tooMany}") List<@Valid ComponentItem> components,
        Long receivingUnitId,
        OffsetDateTime receivedAt,
        Long competentUnitId) {

    public FileDossier(String procedureCode, String caseId, Channel channel, Applicant applicant,
                       List<ComponentItem> components, Long receivingUnitId, OffsetDateTime receivedAt) {
        this(procedureCode, caseId, channel, applicant, components, receivingUnitId, receivedAt, null);
    }
}
