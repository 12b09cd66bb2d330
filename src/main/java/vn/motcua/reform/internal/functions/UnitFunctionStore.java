package vn.motcua.reform.internal.functions;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.reform.UnitFunctionKind;

/** Units' functions and tasks in SQL (rf_unit_function). */
@Repository
public class UnitFunctionStore {

    public record FunctionRow(long id, long unitId, UnitFunctionKind kind, String title, String titleKey, String procedureCode,
                              String legalBasis, Instant createdAt, String createdBy) {
    }

    private final JdbcClient jdbc;

    public UnitFunctionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(long unitId, UnitFunctionKind kind, String key) {
        return jdbc.sql("SELECT count(*) FROM rf_unit_function WHERE unit_id = ? AND kind = ? AND title_key = ?")
                .params(unitId, kind.name(), key).query(Long.class).single() > 0;
    }

    public long insert(long unitId, UnitFunctionKind kind, String title, String key, String code, String basis, Instant at,
                       String by) {
        return jdbc.sql("""
                INSERT INTO rf_unit_function (unit_id, kind, title, title_key, procedure_code, legal_basis, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(unitId, kind.name(), title, key, code, basis, at.atOffset(ZoneOffset.UTC), by).query(Long.class).single();
    }

    /** Every record of the units (null: of every unit), by unit and title. */
    public List<FunctionRow> list(Long[] units) {
        return jdbc.sql("""
                SELECT * FROM rf_unit_function WHERE (CAST(:all AS BOOLEAN) OR unit_id = ANY(:units))
                ORDER BY unit_id, kind, title_key""")
                .param("all", units == null).param("units", units == null ? new Long[0] : units)
                .query((rs, n) -> new FunctionRow(rs.getLong("id"), rs.getLong("unit_id"),
                        UnitFunctionKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("title_key"),
                        rs.getString("procedure_code"), rs.getString("legal_basis"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by")))
                .list();
    }
}
