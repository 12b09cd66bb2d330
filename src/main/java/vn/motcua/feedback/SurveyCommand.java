package vn.motcua.feedback;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A survey campaign: a sample of {@code sampleSize} dossiers returned from
 * {@code returnedFrom} to {@code returnedTo} (inclusive) by the unit and the
 * units below it (every unit when null), invited by e-mail, answering until
 * {@code closesOn} (inclusive).
 */
public record SurveyCommand(@Size(max = 200, message = "{validation.tooLong}") String title, Long unitId, LocalDate returnedFrom,
                            LocalDate returnedTo, Integer sampleSize, LocalDate closesOn) {
}
