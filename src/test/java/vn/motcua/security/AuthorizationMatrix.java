package vn.motcua.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The authorization matrix as written in {@code security/authorization-matrix.csv}:
 * one row per operation (or per variant of one, e.g. one dossier act), one
 * column per caller and scope, each cell the answer the caller must get.
 * The file format is described in the file's own header and in
 * {@code docs/security/authorization-matrix-guide.md}.
 */
final class AuthorizationMatrix {

    static final String RESOURCE = "/security/authorization-matrix.csv";

    /** Who calls. How each one signs in is {@link MatrixClient}'s business. */
    enum Caller {
        ANONYMOUS("nobody signed in"),
        CITIZEN("the demo citizen 040090001234, signed in to the portal"),
        ADMIN("admin"),
        SUPERVISOR("giamsat"),
        ONESTOP("motcua.tinh, one-stop officer of the province centre"),
        SPECIALIST("chuyenvien.tuphap, specialist of Sở Tư pháp's division"),
        LEADER("lanhdao.tuphap, leader of Sở Tư pháp"),
        APIKEY("the demo API key (service account hethong.dvcqg, supervisor level)");

        final String who;

        Caller(String who) {
            this.who = who;
        }
    }

    /** Which record a scoped operation addresses: one in the caller's own units (or of the citizen), or one outside. */
    enum Scope { OWN, OTHER }

    /**
     * A column of the matrix. Callers who see every unit (administrator,
     * supervisor, API key) have one column and address the other unit's
     * record, which they must reach; officers and the citizen have an own
     * and an other column.
     */
    record Column(String name, Caller caller, Scope scope) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("anonymous", Caller.ANONYMOUS, Scope.OWN),
            new Column("citizen", Caller.CITIZEN, Scope.OWN),
            new Column("citizen.other", Caller.CITIZEN, Scope.OTHER),
            new Column("admin", Caller.ADMIN, Scope.OTHER),
            new Column("supervisor", Caller.SUPERVISOR, Scope.OTHER),
            new Column("onestop", Caller.ONESTOP, Scope.OWN),
            new Column("onestop.other", Caller.ONESTOP, Scope.OTHER),
            new Column("specialist", Caller.SPECIALIST, Scope.OWN),
            new Column("specialist.other", Caller.SPECIALIST, Scope.OTHER),
            new Column("leader", Caller.LEADER, Scope.OWN),
            new Column("leader.other", Caller.LEADER, Scope.OTHER),
            new Column("apikey", Caller.APIKEY, Scope.OTHER));

    /** The answers a cell may name; {@code -} is "not run" (the column does not apply to the operation). */
    static final Set<String> ANSWERS = Set.of("ok", "login", "forbidden", "hidden", "error", "-");

    /** What the answers mean, for the rendering and the notes. */
    static final Map<String, String> MEANING = meanings();

    private static Map<String, String> meanings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ok", "let through: 2xx, a redirect to a page that is not a login page, or a 400/409/422 answer of validation or a rule");
        m.put("login", "not signed in: 401 on the API, a redirect to /login or /portal/login on pages");
        m.put("forbidden", "403 (on pages also: back to the page with the message \"not allowed\")");
        m.put("hidden", "404: the record is outside the caller's scope, as if it did not exist");
        m.put("error", "anything else (5xx, 405, 415…): never right, only ever recorded as a KNOWN-GAP");
        m.put("-", "not applicable: not run");
        return m;
    }

    /** A note on a row: a gap nobody is fixing yet, or a fix being made. */
    record Note(Kind kind, String column, String answer, String text) {
        enum Kind {
            /** The cell holds today's (wrong) answer; {@code answer} is the right one. */
            KNOWN_GAP,
            /** The cell holds the right answer; {@code answer} is today's, still accepted until the fix lands. */
            PENDING_FIX
        }
    }

    record Row(int line, String method, String path, String variant, Map<String, String> cells, String request,
               List<String> comments, List<Note> notes, String section) {

        /** How an operation is named everywhere: {@code GET /api/v1/dossiers/{code}}. */
        String operation() {
            return method + " " + path;
        }

        String key() {
            return variant == null ? operation() : operation() + " [" + variant + "]";
        }

        /** The notes on one column. */
        List<Note> notesOn(String column) {
            return notes.stream().filter(n -> n.column().equals(column)).toList();
        }
    }

    private static final Pattern NOTE = Pattern.compile(
            "#\\s*(KNOWN-GAP|PENDING-FIX):\\s*([\\w.]+)\\s+(should be|today)\\s+(\\w+|-)\\s*(?:[—:-]+\\s*)?(.*)");
    private static final Pattern OPERATION = Pattern.compile("(GET|POST|PUT|PATCH|DELETE|ANY) (/\\S*)(?: \\[([^\\]]+)])?");

    final List<String> header;
    final List<Row> rows;

    private AuthorizationMatrix(List<String> header, List<Row> rows) {
        this.header = header;
        this.rows = rows;
    }

    static AuthorizationMatrix load() throws IOException {
        try (InputStream in = AuthorizationMatrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Reads the file; any mistake in it (unknown answer, bad note, duplicate row) is an exception naming the line. */
    static AuthorizationMatrix parse(String text) {
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        List<String> fileHeader = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        String section = null;
        Set<String> keys = new java.util.HashSet<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty()) {
                if (header == null) {
                    fileHeader.addAll(comments);
                }
                comments.clear();
                notes.clear();
                continue;
            }
            if (line.startsWith("##")) {
                section = line.replaceFirst("^#+\\s*", "");
                comments.clear();
                notes.clear();
                continue;
            }
            if (line.startsWith("#")) {
                if (line.matches("#\\s*(KNOWN-GAP|PENDING-FIX).*")) {
                    Matcher m = NOTE.matcher(line);
                    if (!m.matches()) {
                        throw new IllegalArgumentException("line " + lineNo + ": a note reads '# KNOWN-GAP: <column> should be "
                                + "<answer> — why' or '# PENDING-FIX: <column> today <answer> — why': " + line);
                    }
                    Note.Kind kind = m.group(1).equals("KNOWN-GAP") ? Note.Kind.KNOWN_GAP : Note.Kind.PENDING_FIX;
                    if (kind == Note.Kind.KNOWN_GAP != m.group(3).equals("should be")) {
                        throw new IllegalArgumentException("line " + lineNo + ": KNOWN-GAP says 'should be', PENDING-FIX says 'today'");
                    }
                    notes.add(new Note(kind, m.group(2), m.group(4), m.group(5).strip()));
                }
                comments.add(line.replaceFirst("^#\\s?", ""));
                continue;
            }
            List<String> cells = splitCsv(line);
            if (header == null) {
                header = cells;
                List<String> expected = new ArrayList<>();
                expected.add("operation");
                COLUMNS.forEach(c -> expected.add(c.name()));
                expected.add("request");
                if (!header.equals(expected)) {
                    throw new IllegalArgumentException("line " + lineNo + ": the header must be " + String.join(",", expected));
                }
                comments.clear();
                notes.clear();
                continue;
            }
            if (cells.size() != header.size()) {
                throw new IllegalArgumentException("line " + lineNo + ": " + cells.size() + " cells, the header has " + header.size());
            }
            Matcher op = OPERATION.matcher(cells.get(0).strip());
            if (!op.matches()) {
                throw new IllegalArgumentException("line " + lineNo + ": the operation reads 'METHOD /path' or 'METHOD /path [variant]': "
                        + cells.get(0));
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < COLUMNS.size(); c++) {
                String v = cells.get(c + 1).strip();
                if (!ANSWERS.contains(v)) {
                    throw new IllegalArgumentException("line " + lineNo + ": '" + v + "' in column " + COLUMNS.get(c).name()
                            + " is none of " + ANSWERS);
                }
                values.put(COLUMNS.get(c).name(), v);
            }
            for (Note n : notes) {
                if (!values.containsKey(n.column())) {
                    throw new IllegalArgumentException("line " + lineNo + ": the note names no column: " + n.column());
                }
                if (!ANSWERS.contains(n.answer()) || n.answer().equals(values.get(n.column()))) {
                    throw new IllegalArgumentException("line " + lineNo + ": the note's answer must be another answer than the cell's: "
                            + n.column() + " " + n.answer());
                }
            }
            Row row = new Row(lineNo, op.group(1), op.group(2), op.group(3), values, cells.get(cells.size() - 1).strip(),
                    List.copyOf(comments), List.copyOf(notes), section);
            if (!keys.add(row.key())) {
                throw new IllegalArgumentException("line " + lineNo + ": a second row for " + row.key());
            }
            rows.add(row);
            comments.clear();
            notes.clear();
        }
        if (header == null) {
            throw new IllegalArgumentException("no header");
        }
        return new AuthorizationMatrix(header, rows);
    }

    /** Splits one CSV line (RFC 4180: a cell in double quotes may hold commas, a quote is doubled). */
    static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }

    /** A CSV line for a row (used to print the rows to paste for new endpoints). */
    static String csvLine(String operation, Map<String, String> cells, String request) {
        StringBuilder sb = new StringBuilder(operation);
        for (Column c : COLUMNS) {
            sb.append(',').append(cells.getOrDefault(c.name(), "-"));
        }
        sb.append(',');
        sb.append(request.contains(",") || request.contains("\"") ? "\"" + request.replace("\"", "\"\"") + "\"" : request);
        return sb.toString();
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** The fixture a path variable most likely means, by its name and the path around it. */
    static String guessRequest(String path) {
        List<String> tokens = new ArrayList<>();
        Matcher m = VARIABLE.matcher(path);
        while (m.find()) {
            String v = m.group(1);
            boolean admin = path.startsWith("/admin/");
            String value = switch (v) {
                case "code" -> path.contains("procedure") || path.startsWith("/portal/file/") ? "@procedure" : "@dossier";
                case "id" -> path.contains("/units") ? (admin ? "@adminUnit" : "@unit")
                        : path.contains("/staff") ? (admin ? "@adminStaff" : "@staff")
                        : path.contains("simplification") ? "@proposal"
                        : path.contains("/files") ? "@file"
                        : path.contains("/drafts") ? "@draft" : "1";
                case "seq", "version" -> "1";
                case "kind" -> "receipt";
                case "year" -> "2026";
                case "action" -> "forward";
                default -> "x";
            };
            tokens.add(v + "=" + value);
        }
        return String.join(" ", tokens);
    }

    // --- the human-readable rendering ------------------------------------------------------------

    /** The matrix as Markdown, one table per section; gaps and pending fixes are marked in their cells. */
    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Authorization matrix\n\n");
        md.append("<!-- Generated by AuthorizationMatrixTests from src/test/resources/security/authorization-matrix.csv: "
                + "edit the CSV, not this file. -->\n\n");
        md.append("Every endpoint of MotCua (the JSON API of `/v3/api-docs`, every page route of Spring MVC, the actuator) "
                + "and the answer each caller gets. `AuthorizationMatrixTests` calls each cell for real and fails on any "
                + "difference, on an endpoint without a row and on a row without an endpoint. How to read and extend it: "
                + "[security/authorization-matrix-guide.md](security/authorization-matrix-guide.md).\n\n");
        md.append("**Callers.** ");
        List<String> callers = new ArrayList<>();
        for (Caller c : Caller.values()) {
            callers.add("*" + c.name().toLowerCase() + "*: " + c.who);
        }
        md.append(String.join("; ", callers)).append(". A column `….other` is the same caller on a record of another "
                + "unit (Phường Trường Vinh) or, for the citizen, of another person; *admin*, *supervisor* and *apikey* "
                + "see every unit and are always given the other unit's record.\n\n");
        md.append("**Answers.** ");
        List<String> answers = new ArrayList<>();
        MEANING.forEach((k, v) -> answers.add("`" + k + "` " + v));
        md.append(String.join("; ", answers)).append(".\n\n");
        md.append("**Marks.** ⚠ *known gap*: today's answer, which is wrong, with the right one (`KNOWN-GAP` in the CSV); "
                + "⏳ *fix pending*: the right answer, while today's other answer is still accepted until the fix being made "
                + "lands (`PENDING-FIX`).\n\n");
        String section = "\u0000";
        for (Row r : rows) {
            if (!java.util.Objects.equals(section, r.section())) {
                section = r.section();
                md.append("\n## ").append(section == null ? "Other" : section).append("\n\n");
                md.append("| operation |");
                COLUMNS.forEach(c -> md.append(' ').append(c.name().replace(".other", " (other)")).append(" |"));
                md.append("\n|---|");
                COLUMNS.forEach(c -> md.append(":-:|"));
                md.append('\n');
            }
            md.append("| `").append(r.operation()).append('`');
            if (r.variant() != null) {
                md.append(" ").append(r.variant());
            }
            md.append(" |");
            for (Column c : COLUMNS) {
                String v = r.cells().get(c.name());
                StringBuilder cell = new StringBuilder(v.equals("-") ? "·" : v);
                for (Note n : r.notesOn(c.name())) {
                    cell.append(n.kind() == Note.Kind.KNOWN_GAP ? " ⚠ should be " + n.answer() : " ⏳ today " + n.answer());
                }
                md.append(' ').append(cell).append(" |");
            }
            md.append('\n');
        }
        List<Row> noted = rows.stream().filter(r -> !r.comments().isEmpty()).toList();
        if (!noted.isEmpty()) {
            md.append("\n## Notes\n\n");
            for (Row r : noted) {
                md.append("- `").append(r.key()).append("`: ").append(String.join(" ", r.comments())).append('\n');
            }
        }
        return md.toString();
    }
}
