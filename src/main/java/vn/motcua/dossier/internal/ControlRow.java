package vn.motcua.dossier.internal;

import java.time.OffsetDateTime;

/**
 * One row of the process control slip (form 06): one hand-over from
 * {@code fromUnit} to {@code toUnit} at {@code handedAt} (handed and received
 * at the same moment in the system), who delivered and who received it, the
 * due time of the step that ended, and that step's timing as the calendar
 * classified it: {@code EARLY}, {@code ON_TIME} or {@code LATE} (null when
 * not judged).
 */
public record ControlRow(String fromUnit, String toUnit, OffsetDateTime handedAt, String deliverer, String receiver,
                         OffsetDateTime dueAt, String timing) {
}
