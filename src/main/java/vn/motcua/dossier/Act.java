package vn.motcua.dossier;

import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an act on a dossier carries ({@code POST /api/v1/dossiers/{code}/{action}}):
 * every act takes a reason and a note; each act reads the fields it needs.
 * {@code skipReason} (optional, {@code complete} only): why the result is
 * signed while steps of the workflow are unfinished; without it such a
 * completion is refused (rule {@code complete-steps-unfinished}).
 */
public record Act(
        @Size(max = 2000, message = "{validation.tooLong}") String reason,
        @Size(max = 2000, message = "{validation.tooLong}") String note,
        Long toUnit,
        Long toOfficer,
        @Size(max = 100, message = "{validation.list.tooMany}") List<@Size(max = 1000, message = "{validation.tooLong}") String> items,
        Long amountVnd,
        OffsetDateTime newAppointmentAt,
        @Size(max = 100, message = "{validation.tooLong}") String resultNumber,
        @Size(max = 100, message = "{validation.tooLong}") String resultFileId,
        Channel channel,
        Integer version,
        String skipReason) {

    /** An act without a skip reason (every act but a completion that skips steps). */
    public Act(String reason, String note, Long toUnit, Long toOfficer, List<String> items, Long amountVnd,
               OffsetDateTime newAppointmentAt, String resultNumber, String resultFileId, Channel channel, Integer version) {
        this(reason, note, toUnit, toOfficer, items, amountVnd, newAppointmentAt, resultNumber, resultFileId, channel, version,
                null);
    }

    public static Act empty() {
        return new Act(null, null, null, null, null, null, null, null, null, null, null);
    }

    public static Act withReason(String reason) {
        return new Act(reason, null, null, null, null, null, null, null, null, null, null);
    }
}
