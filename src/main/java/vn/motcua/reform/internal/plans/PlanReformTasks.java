package vn.motcua.reform.internal.plans;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.organization.OrganizationService;
import vn.motcua.reform.ClassificationReformTasks;

/**
 * The agencies' classification input "reform tasks done": of the tasks owned
 * by the unit or a unit below it in the year's approved plans (the
 * province's and the units' own), the share completed by the year's end, in
 * percent to 2 decimals. No task in the year: no data.
 */
@Component
class PlanReformTasks implements ClassificationReformTasks {

    private final JdbcClient jdbc;
    private final OrganizationService org;

    PlanReformTasks(JdbcClient jdbc, OrganizationService org) {
        this.jdbc = jdbc;
        this.org = org;
    }

    @Override
    public Optional<BigDecimal> shareDone(long unitId, int year) {
        java.util.Set<Long> units = org.selfAndDescendants(List.of(unitId));
        long[] c = jdbc.sql("""
                SELECT count(*) AS tasks, count(*) FILTER (WHERE t.completed_on IS NOT NULL AND t.completed_on <= ?) AS done
                FROM rf_task t JOIN rf_plan p ON p.id = t.plan_id
                WHERE p.year = ? AND p.status = 'APPROVED' AND t.owner_unit_id = ANY(?)""")
                .params(LocalDate.of(year, 12, 31), year, units.toArray(Long[]::new))
                .query((rs, n) -> new long[]{rs.getLong("tasks"), rs.getLong("done")}).single();
        if (c[0] == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(c[1] * 100).divide(BigDecimal.valueOf(c[0]), 2, RoundingMode.HALF_UP));
    }
}
