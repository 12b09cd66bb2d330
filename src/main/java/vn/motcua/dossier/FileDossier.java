package vn.motcua.dossier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.List;

/** File a dossier ({@code POST /api/v1/dossiers}). */
public record FileDossier(
        @NotBlank(message = "{validation.required}") String procedureCode,
        String caseId,
        @NotNull(message = "{validation.required}") Channel channel,
        @NotNull(message = "{validation.required}") @Valid Applicant applicant,
        List<ComponentItem> components,
        Long receivingUnitId,
        OffsetDateTime receivedAt) {
}
