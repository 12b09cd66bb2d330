package vn.motcua.reform.internal.parindex;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The PAR INDEX trees, their nodes and the units' scores (tables ref_par_*). */
@Repository
public class ParIndexStore {

    public record TreeRow(long id, int year, String title, String decision, int version) {
    }

    public record NodeRow(long id, Long parentId, String code, String kind, String name, BigDecimal maxPoints, String evidence,
                          String source, String metric, int position) {
    }

    public record ScoreRow(long nodeId, long unitId, BigDecimal selfScore, String selfNote, String evidence, BigDecimal proposed,
                           String figures, String scoredBy, Instant scoredAt, BigDecimal appraisedScore, String appraisalNote,
                           String appraisedBy, Instant appraisedAt) {
    }

    private final JdbcClient jdbc;

    public ParIndexStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static TreeRow tree(ResultSet rs, int n) throws SQLException {
        return new TreeRow(rs.getLong("id"), rs.getInt("year"), rs.getString("title"), rs.getString("decision"), rs.getInt("version"));
    }

    public List<TreeRow> trees() {
        return jdbc.sql("SELECT * FROM ref_par_tree ORDER BY year DESC").query(ParIndexStore::tree).list();
    }

    public Optional<TreeRow> tree(int year) {
        return jdbc.sql("SELECT * FROM ref_par_tree WHERE year = ?").param(year).query(ParIndexStore::tree).optional();
    }

    public List<NodeRow> nodes(long treeId) {
        return jdbc.sql("SELECT * FROM ref_par_node WHERE tree_id = ? ORDER BY position").param(treeId)
                .query((rs, n) -> new NodeRow(rs.getLong("id"), (Long) rs.getObject("parent_id"), rs.getString("code"),
                        rs.getString("kind"), rs.getString("name"), rs.getBigDecimal("max_points"), rs.getString("evidence"),
                        rs.getString("source"), rs.getString("metric"), rs.getInt("position")))
                .list();
    }

    public boolean hasScores(long treeId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM ref_par_score s JOIN ref_par_node n ON n.id = s.node_id WHERE n.tree_id = ?)")
                .param(treeId).query(Boolean.class).single();
    }

    public long insertTree(int year, String title, String decision, String actor, Instant at) {
        return jdbc.sql("INSERT INTO ref_par_tree (year, title, decision, created_by, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(year, title, decision, actor, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).query(Long.class).single();
    }

    public void deleteTree(long id) {
        jdbc.sql("DELETE FROM ref_par_tree WHERE id = ?").param(id).update();
    }

    public long insertNode(long treeId, Long parentId, String code, String kind, String name, BigDecimal max, String evidence,
                           String source, String metric, int position) {
        return jdbc.sql("""
                        INSERT INTO ref_par_node (tree_id, parent_id, code, kind, name, max_points, evidence, source, metric, position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(treeId, parentId, code, kind, name, max, evidence, source, metric, position).query(Long.class).single();
    }

    private static ScoreRow score(ResultSet rs, int n) throws SQLException {
        return new ScoreRow(rs.getLong("node_id"), rs.getLong("unit_id"), rs.getBigDecimal("self_score"), rs.getString("self_note"),
                rs.getString("evidence"), rs.getBigDecimal("proposed"), rs.getString("figures"), rs.getString("scored_by"),
                instant(rs, "scored_at"), rs.getBigDecimal("appraised_score"), rs.getString("appraisal_note"),
                rs.getString("appraised_by"), instant(rs, "appraised_at"));
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** Every score of the tree (all units). */
    public List<ScoreRow> scores(long treeId) {
        return jdbc.sql("SELECT s.* FROM ref_par_score s JOIN ref_par_node n ON n.id = s.node_id WHERE n.tree_id = ?")
                .param(treeId).query(ParIndexStore::score).list();
    }

    public List<ScoreRow> scores(long treeId, long unitId) {
        return jdbc.sql("SELECT s.* FROM ref_par_score s JOIN ref_par_node n ON n.id = s.node_id WHERE n.tree_id = ? AND s.unit_id = ?")
                .params(treeId, unitId).query(ParIndexStore::score).list();
    }

    public Optional<ScoreRow> score(long nodeId, long unitId) {
        return jdbc.sql("SELECT * FROM ref_par_score WHERE node_id = ? AND unit_id = ?").params(nodeId, unitId)
                .query(ParIndexStore::score).optional();
    }

    public void saveSelf(long nodeId, long unitId, BigDecimal score, String note, String evidence, BigDecimal proposed, String figures,
                         String actor, Instant at) {
        jdbc.sql("""
                        INSERT INTO ref_par_score (node_id, unit_id, self_score, self_note, evidence, proposed, figures, scored_by, scored_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (node_id, unit_id) DO UPDATE SET self_score = excluded.self_score, self_note = excluded.self_note,
                            evidence = excluded.evidence, proposed = excluded.proposed, figures = excluded.figures,
                            scored_by = excluded.scored_by, scored_at = excluded.scored_at""")
                .params(nodeId, unitId, score, note, evidence, proposed, figures, actor, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    public void saveAppraisal(long nodeId, long unitId, BigDecimal score, String note, String actor, Instant at) {
        jdbc.sql("""
                        INSERT INTO ref_par_score (node_id, unit_id, appraised_score, appraisal_note, appraised_by, appraised_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (node_id, unit_id) DO UPDATE SET appraised_score = excluded.appraised_score,
                            appraisal_note = excluded.appraisal_note, appraised_by = excluded.appraised_by,
                            appraised_at = excluded.appraised_at""")
                .params(nodeId, unitId, score, note, actor, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
    }
}
