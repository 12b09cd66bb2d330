package vn.motcua.dossier;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an act on a dossier carries ({@code POST /api/v1/dossiers/{code}/{action}}):
 * every act takes a reason and a note; each act reads the fields it needs.
 */
public record Act(
        String reason,
        String note,
        Long toUnit,
        Long toOfficer,
        List<String> items,
        Long amountVnd,
        OffsetDateTime newAppointmentAt,
        String resultNumber,
        String resultFileId,
        Channel channel,
        Integer version) {

    public static Act empty() {
        return new Act(null, null, null, null, null, null, null, null, null, null, null);
    }

    public static Act withReason(String reason) {
        return new Act(reason, null, null, null, null, null, null, null, null, null, null);
    }
}
