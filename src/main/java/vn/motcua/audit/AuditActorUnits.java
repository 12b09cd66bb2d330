package vn.motcua.audit;

/**
 * Tells the unit an actor acts for, when the entry does not say it: the
 * organization's side of the trail, given by a module that knows the staff
 * (the trail itself depends on nothing). Null when unknown or ambiguous.
 */
public interface AuditActorUnits {

    Long unitOf(String actor);
}
