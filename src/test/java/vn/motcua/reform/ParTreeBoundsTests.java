package vn.motcua.reform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.InvalidInput;

/** An imported PAR INDEX tree is bounded in every text it carries, as the self-scores are. */
class ParTreeBoundsTests {

    static ParIndexView.TreeDocument tree(String decision, String evidence) {
        return new ParIndexView.TreeDocument(2026, "Bộ chỉ số 2026", decision, List.of(
                new ParIndexView.NodeDocument("1", "AREA", "Công tác chỉ đạo", BigDecimal.TEN, evidence, null, null, List.of())));
    }

    @Test
    void aTreeWithinTheBoundsIsAcceptedAndLongerTextsAreNamed() {
        ParIndexService.validate(tree("QĐ 1/2026", "Kế hoạch CCHC năm"));
        assertThatThrownBy(() -> ParIndexService.validate(tree("x".repeat(301), null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsEntry("decision", "validation.tooLong"));
        assertThatThrownBy(() -> ParIndexService.validate(tree(null, "x".repeat(4001))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsEntry("node.1.evidence", "validation.tooLong"));
    }
}
