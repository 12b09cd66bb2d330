package vn.motcua.reform;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The share of a unit's reform-plan tasks done in a year (0–100), one input
 * of the agencies' yearly classification. The plans and tasks are another
 * part of this module; until a bean of this type is present (or while it
 * answers empty) the classification shows "no data" for this input and
 * weighs the others alone.
 */
public interface ClassificationReformTasks {

    Optional<BigDecimal> shareDone(long unitId, int year);
}
