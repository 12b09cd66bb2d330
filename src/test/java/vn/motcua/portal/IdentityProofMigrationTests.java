package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.support.IntegrationTest;

/**
 * Migration V16 on a database of the version before it, in a schema of its
 * own: accounts linked to VNeID become proven (VNEID), the demo citizen too
 * (DEMO), everyone else stays unproven; each proof is recorded with its
 * method, time and author, and in the audit trail; each account's own uploads
 * are recorded as its own.
 */
class IdentityProofMigrationTests extends IntegrationTest {

    private static final String SCHEMA = "v16_upgrade";

    @Autowired
    DataSource dataSource;

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration")
                .target(target).cleanDisabled(false).load();
    }

    @Test
    void linkedAccountsAndTheDemoCitizenAreProvenAndTheOthersAreNot() {
        flyway("15").clean();
        flyway("15").migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        try {
            String t = SCHEMA + ".";
            jdbc.sql("INSERT INTO " + t + "citizen_account (kind, identity_number, full_name, email, password_hash, oidc_subject)"
                    + " VALUES ('PERSON', '079100000001', 'Đã gắn VNeID', 'a@example.vn', NULL, 'sub-1'),"
                    + " ('PERSON', '040090001234', 'Trần Thị Mai', 'tran.thi.mai@example.vn', 'x', NULL),"
                    + " ('PERSON', '079100000002', 'Chỉ đăng ký', 'b@example.vn', 'x', NULL),"
                    + " ('ORGANIZATION', '4800000001', 'Công ty chưa xác thực', 'c@example.vn', 'x', NULL)").update();
            UUID upload = UUID.randomUUID();
            jdbc.sql("INSERT INTO " + t + "stored_file (id, name, media_type, size_bytes, sha256, owner)"
                    + " VALUES (?, 'a.pdf', 'application/pdf', 1, repeat('0', 64), 'citizen:079100000002')").param(upload).update();

            flyway("16").migrate();

            List<Map<String, Object>> rows = jdbc.sql("SELECT identity_number, proof_method, proven_by, proven_at IS NOT NULL AS dated"
                    + " FROM " + t + "citizen_account ORDER BY identity_number").query().listOfRows();
            assertThat(rows).extracting(r -> r.get("identity_number") + "=" + r.get("proof_method") + "/" + r.get("proven_by")
                            + "/" + r.get("dated"))
                    .containsExactly("040090001234=DEMO/demo data/true", "079100000001=VNEID/VNeID/true",
                            "079100000002=null/null/false", "4800000001=null/null/false");
            assertThat(jdbc.sql("SELECT subject_id FROM " + t + "audit_entry WHERE kind = 'citizen.identity.proven' ORDER BY subject_id")
                    .query(String.class).list()).containsExactly("040090001234", "079100000001");
            assertThat(jdbc.sql("SELECT a.identity_number FROM " + t + "citizen_account_file f JOIN " + t
                    + "citizen_account a ON a.id = f.account_id WHERE f.file_id = ?").param(upload).query(String.class).list())
                    .containsExactly("079100000002");
        } finally {
            flyway("16").clean();
        }
    }
}
