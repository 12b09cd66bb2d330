package vn.motcua.reform;

import java.time.LocalDate;

/** An inspection to schedule: the unit inspected, the title and the planned day. */
public record InspectionCommand(Long unitId, String title, LocalDate plannedOn) {
}
