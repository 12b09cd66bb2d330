package vn.motcua.catalog;

import java.util.List;

/** What an import did: the codes created, changed (a new or updated draft), left unchanged, and published. */
public record ImportReport(List<String> created, List<String> updated, List<String> unchanged, List<String> published) {

    public int total() {
        return created.size() + updated.size() + unchanged.size();
    }
}
