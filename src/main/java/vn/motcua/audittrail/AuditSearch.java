package vn.motcua.audittrail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditQuery;
import vn.motcua.audit.AuditTrail;
import vn.motcua.audit.AuditVerification;
import vn.motcua.audittrail.internal.AuditWorkbook;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.InvalidParameter;
import vn.motcua.shared.PageResult;
import vn.motcua.shared.Paging;
import vn.motcua.shared.Texts;

/**
 * What supervisors do with the trail: search it, export it, verify it. Each
 * search and export is itself recorded in the trail (who searched for what),
 * and so is each verification with its answer.
 */
@Service
public class AuditSearch {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The largest page of a search. */
    public static final int MAX_SIZE = 200;
    /** The most entries one export holds; a narrower search exports the rest. */
    public static final int MAX_EXPORT = 100_000;

    private final AuditTrail audit;
    private final OrganizationService organization;
    private final AuditWorkbook workbook;

    public AuditSearch(AuditTrail audit, OrganizationService organization, AuditWorkbook workbook) {
        this.audit = audit;
        this.organization = organization;
        this.workbook = workbook;
    }

    /** The filters as a client sends them; blank means none. Dates are days in Vietnam ({@code to} inclusive) or ISO instants. */
    public static AuditQuery query(String actor, Long unit, String subjectType, String subjectId, String dossier, String kind,
                                   String from, String to) {
        return new AuditQuery(text("actor", actor, 120), unit, text("subjectType", subjectType, 40),
                text("subjectId", subjectId, 120), text("dossier", dossier, 40), text("kind", kind, 60),
                instant("from", from, false), instant("to", to, true));
    }

    private static String text(String field, String value, int max) {
        if (value == null || Texts.isBlank(value)) {
            return null;
        }
        String v = value.trim();
        if (v.length() > max) {
            throw new InvalidParameter(field, "validation.text.tooLong", String.valueOf(max));
        }
        return v;
    }

    private static Instant instant(String field, String value, boolean end) {
        if (value == null || Texts.isBlank(value)) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZONE).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidParameter(field, "validation.instant");
        }
    }

    /** One page of the entries that match, newest first; recorded as {@code audit.searched}. */
    public PageResult<AuditRow> search(AuditQuery q, int page, int size, String who) {
        Paging paging = Paging.of(page, size, MAX_SIZE);
        PageResult<AuditEntry> found = audit.search(q, paging);
        audit.recordAlone(AuditEntry.of("audit.searched", who, "audit", null)
                .detail(describe(q) + "; page " + page + " of size " + size + "; " + found.total() + " found"));
        Map<Long, String> names = unitNames(found.items());
        return found.map(e -> row(e, names));
    }

    /** The entries that match as an XLSX workbook or CSV text (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read Vietnamese), newest first, at most {@value #MAX_EXPORT}; recorded as {@code audit.exported}. */
    public byte[] export(AuditQuery q, String format, String who) {
        boolean csv = "csv".equalsIgnoreCase(format);
        if (!csv && format != null && !format.isBlank() && !"xlsx".equalsIgnoreCase(format)) {
            throw new InvalidParameter("format", "validation.format");
        }
        Map<Long, String> names = organization.allUnits().stream()
                .collect(Collectors.toMap(UnitView::id, UnitView::name, (a, b) -> a));
        int[] count = {0};
        byte[] bytes;
        if (csv) {
            StringBuilder b = new StringBuilder("\uFEFF").append(String.join(",", AuditWorkbook.HEADERS)).append("\r\n");
            audit.forEach(q, MAX_EXPORT, e -> {
                count[0]++;
                b.append(AuditWorkbook.cells(row(e, names)).stream().map(AuditSearch::quote).collect(Collectors.joining(",")))
                        .append("\r\n");
            });
            bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        } else {
            bytes = workbook.xlsx(describe(q), MAX_EXPORT, sink -> audit.forEach(q, MAX_EXPORT, e -> {
                count[0]++;
                sink.accept(row(e, names));
            }));
        }
        audit.recordAlone(AuditEntry.of("audit.exported", who, "audit", null)
                .detail(describe(q) + "; " + (csv ? "csv" : "xlsx") + "; " + count[0] + " entries"));
        return bytes;
    }

    /** Re-walks the chain; recorded as {@code audit.verified} with its answer. */
    public AuditVerification verify(String who) {
        AuditVerification v = audit.verify();
        audit.recordAlone(AuditEntry.of("audit.verified", who, "audit", null)
                .detail((v.ok() ? "ok" : v.firstBroken() != null
                        ? "broken at seq " + v.firstBroken().seq() + " (" + v.firstBroken().problem() + ")"
                        : "anchor of " + v.firstBrokenAnchor().day() + " at seq " + v.firstBrokenAnchor().seq() + " ("
                        + v.firstBrokenAnchor().problem() + ")")
                        + "; " + v.entries() + " entries in " + v.elapsedMs() + " ms; " + v.anchors() + " anchors; head "
                        + v.lastSeq() + " " + v.lastHash()));
        return v;
    }

    /** Every kind of entry in the trail (for the search form). */
    public List<String> kinds() {
        return audit.kinds();
    }

    /** The filters in words, for the trail's own record and the export's subtitle. */
    public static String describe(AuditQuery q) {
        List<String> parts = new ArrayList<>();
        add(parts, "actor", q.actor());
        add(parts, "unit", q.unitId());
        add(parts, "subjectType", q.subjectType());
        add(parts, "subjectId", q.subjectId());
        add(parts, "dossier", q.dossierCode());
        add(parts, "kind", q.kind());
        add(parts, "from", q.from() == null ? null : q.from().atZone(ZONE).toOffsetDateTime());
        add(parts, "to", q.to() == null ? null : q.to().atZone(ZONE).toOffsetDateTime());
        return parts.isEmpty() ? "all" : String.join(", ", parts);
    }

    private static void add(List<String> parts, String name, Object value) {
        if (value != null) {
            parts.add(name + "=" + value);
        }
    }

    private Map<Long, String> unitNames(List<AuditEntry> entries) {
        List<Long> ids = entries.stream().map(AuditEntry::unitId).filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            names.putAll(organization.units(ids.subList(i, Math.min(ids.size(), i + 1000))).stream()
                    .collect(Collectors.toMap(UnitView::id, UnitView::name, (a, b) -> a)));
        }
        return names;
    }

    private static AuditRow row(AuditEntry e, Map<Long, String> names) {
        return new AuditRow(e.seq(), e.id(), e.at().atZone(ZONE).toOffsetDateTime(), e.kind(), e.actor(), e.unitId(),
                e.unitId() == null ? null : names.get(e.unitId()), e.subjectType(), e.subjectId(), e.dossierCode(), e.changes(),
                e.reason(), e.detail(), e.address(), e.hash());
    }

    private static String quote(String s) {
        if (s == null) {
            return "";
        }
        // a leading =, +, - or @ would be a formula to a spreadsheet: kept as text
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
