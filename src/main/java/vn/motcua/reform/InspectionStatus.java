package vn.motcua.reform;

/** PLANNED on the schedule; DONE once a finding is recorded; CLOSED when every fix required is closed. */
public enum InspectionStatus {
    PLANNED, DONE, CLOSED
}
