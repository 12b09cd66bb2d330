package vn.motcua.feedback;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A draft put out for comments by a unit, open until the end of {@code closesOn}. */
public record ConsultationCommand(Long unitId, ConsultationKind kind, @Size(max = 300) String title, @Size(max = 20000) String body,
                                  @Size(max = 300) String reference, LocalDate closesOn) {
}
