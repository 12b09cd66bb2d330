package vn.motcua.dossier.internal;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.organization.OfficerScope;
import vn.motcua.warehouse.FileAccessPolicy;

/**
 * Officers may read a file that a dossier of their units uses (a component
 * or the result): the units that received it, hold it, or had a step of it.
 * A scope of all units (supervisors, administrators, API keys) reads the
 * files of every dossier, but only files some dossier uses: a citizen's
 * private warehouse upload is not a dossier file.
 */
@Component
class DossierFileAccess implements FileAccessPolicy {

    private final JdbcClient jdbc;

    DossierFileAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean mayRead(UUID fileId, OfficerScope scope) {
        if (scope.allUnits()) {
            return jdbc.sql("""
                    SELECT EXISTS (SELECT 1 FROM dossier WHERE result_file_id = :f)
                        OR EXISTS (SELECT 1 FROM dossier_component WHERE file_id = :f)""")
                    .param("f", fileId.toString()).query(Boolean.class).single();
        }
        return jdbc.sql("""
                SELECT EXISTS (
                  SELECT 1 FROM dossier d
                   WHERE d.id IN (SELECT c.dossier_id FROM dossier_component c WHERE c.file_id = :f
                                  UNION ALL SELECT r.id FROM dossier r WHERE r.result_file_id = :f)
                     AND (d.receiving_unit_id = ANY(:u) OR d.handling_unit_id = ANY(:u)
                          OR EXISTS (SELECT 1 FROM dossier_step s WHERE s.dossier_id = d.id AND s.started_at IS NOT NULL AND s.unit_id = ANY(:u))))""")
                .param("f", fileId.toString()).param("u", scope.unitIdArray())
                .query(Boolean.class).single();
    }
}
