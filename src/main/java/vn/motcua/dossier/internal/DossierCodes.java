package vn.motcua.dossier.internal;

import java.time.LocalDate;
import vn.motcua.dossier.DossierCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Dossier codes per Circular 01/2018/TT-VPCP Art. 19:
 * {@code <unit identifier>-<YYMMDD>-<NNNN>}. The sequence is taken from a
 * per-unit, per-day counter row in the same transaction as the dossier, so two
 * officers receiving at the same second wait for each other on that row and get
 * consecutive numbers; a rolled-back receipt gives its number back (no gaps).
 */
@Component
public class DossierCodes {

    private final JdbcClient jdbc;

    public DossierCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A unique placeholder for the moment between inserting a dossier and numbering it. */
    public static String provisional() {
        // unique, not secret: a thread-local generator rather than the shared SecureRandom of randomUUID()
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return "~" + new java.util.UUID(r.nextLong(), r.nextLong());
    }

    /**
     * Numbers a freshly inserted dossier (which holds a provisional code):
     * takes the next number of the unit and day and writes the code into the
     * dossier in one statement, so the counter row is locked for as short a
     * time as possible. Returns the code.
     */
    public String assign(long dossierId, long unitId, String unitCode, LocalDate day) {
        return jdbc.sql("""
                WITH n AS (
                  INSERT INTO dossier_code_counter (unit_id, day, last) VALUES (?, ?, 1)
                  ON CONFLICT (unit_id, day) DO UPDATE SET last = dossier_code_counter.last + 1
                  RETURNING last)
                -- the number printed as DossierCode.formatNumber does
                UPDATE dossier SET code = ? || CASE WHEN n.last < 10000 THEN lpad(n.last::text, 4, '0') ELSE n.last::text END
                  FROM n WHERE dossier.id = ?
                RETURNING dossier.code""")
                .params(unitId, day, DossierCode.prefix(unitCode, day), dossierId).query(String.class).single();
    }

    public String next(long unitId, String unitCode, LocalDate day) {
        int n = jdbc.sql("""
                INSERT INTO dossier_code_counter (unit_id, day, last) VALUES (?, ?, 1)
                ON CONFLICT (unit_id, day) DO UPDATE SET last = dossier_code_counter.last + 1
                RETURNING last""").params(unitId, day).query(Integer.class).single();
        return DossierCode.prefix(unitCode, day) + DossierCode.formatNumber(n);
    }
}
