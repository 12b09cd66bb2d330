package vn.motcua.reform;

/** A fix is OPEN, REPORTED done by the inspected unit, and CLOSED by the Department of Home Affairs. */
public enum InspectionFixStatus {
    OPEN, REPORTED, CLOSED
}
