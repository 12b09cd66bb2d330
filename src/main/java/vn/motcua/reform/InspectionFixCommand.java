package vn.motcua.reform;

import java.time.LocalDate;

/** A fix required by a finding, with its deadline. */
public record InspectionFixCommand(String requiredAction, LocalDate dueOn) {
}
