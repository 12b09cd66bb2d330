package vn.motcua.integration.internal.catalogue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.Texts;

/**
 * Reads a file of procedures into raw records, whatever its shape: the
 * national database's JSON (records with MATTHC, TENTTHC…, as a bare array or
 * in the service's answer {@code {"result": [...]}}), JSON with the public
 * pages' fields (keys "Mã thủ tục", "Tên thủ tục", "Thời hạn giải quyết"… or
 * the same without diacritics), or a sheet (XLSX, CSV) whose first row holds
 * those Vietnamese headers. A record that cannot be read becomes an unreadable
 * row; only a file that is not one of these shapes is refused as a whole.
 */
@Component
public class SourceReader {

    public static final String NATIONAL_JSON = "NATIONAL_JSON";
    public static final String PUBLIC_JSON = "PUBLIC_JSON";
    public static final String XLSX = "XLSX";
    public static final String CSV = "CSV";
    /** More records than this in one file are refused (the national catalogue of a province is about 2,000). */
    public static final int MAX_RECORDS = 5000;

    /** The records of a file and the format they were read in. */
    public record Read(String format, List<RawProcedure> records) {
    }

    private final JsonMapper json;

    public SourceReader(JsonMapper json) {
        this.json = json;
    }

    public Read read(String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw InvalidInput.of("file", "catimport.file.empty");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K') {
            return new Read(XLSX, sheet(xlsxRows(bytes)));
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String start = text.stripLeading();
        if (name.endsWith(".csv") || (!start.startsWith("[") && !start.startsWith("{"))) {
            return new Read(CSV, sheet(Csv.parse(text)));
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            throw InvalidInput.of("file", "catimport.file.unreadable");
        }
        return json(root);
    }

    /** The national database's answer or record array, or public-page records. */
    public Read json(JsonNode root) {
        JsonNode records = records(root);
        if (records == null) {
            throw InvalidInput.of("file", "catimport.file.shape");
        }
        if (records.size() > MAX_RECORDS) {
            throw InvalidInput.of("file", "catimport.file.tooMany");
        }
        boolean national = false;
        for (JsonNode r : records) {
            if (r.isObject() && (r.has("MATTHC") || r.has("TENTTHC"))) {
                national = true;
                break;
            }
        }
        List<RawProcedure> out = new ArrayList<>();
        int seq = 0;
        for (JsonNode r : records) {
            seq++;
            out.add(national ? NationalRecords.read(seq, r) : publicRecord(seq, r));
        }
        return new Read(national ? NATIONAL_JSON : PUBLIC_JSON, out);
    }

    /** The array of records: the root itself, its "result", or the JSON text in "result"/"message"; a lone record. */
    private JsonNode records(JsonNode root) {
        if (root == null) {
            return null;
        }
        if (root.isArray()) {
            return root;
        }
        if (!root.isObject()) {
            return null;
        }
        for (String key : List.of("result", "message", "data")) {
            JsonNode n = root.get(key);
            if (n == null) {
                continue;
            }
            if (n.isArray()) {
                return n;
            }
            if (n.isString()) {
                try {
                    JsonNode inner = json.readTree(n.asString());
                    if (inner.isArray()) {
                        return inner;
                    }
                } catch (JacksonException e) {
                    // not JSON in the text: not this key
                }
            }
        }
        if (root.has("MATTHC") || root.has("TENTTHC")) {
            return json.createArrayNode().add(root);
        }
        return null;
    }

    private RawProcedure publicRecord(int seq, JsonNode r) {
        if (!r.isObject()) {
            return RawProcedure.unreadable(seq, null, "record.notObject");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : r.properties()) {
            JsonNode v = e.getValue();
            String text;
            if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                v.forEach(x -> parts.add(x.isValueNode() ? x.asString() : x.toString()));
                text = String.join("\n", parts);
            } else {
                text = v.isNull() ? null : v.isValueNode() ? v.asString() : v.toString();
            }
            fields.put(e.getKey(), text);
        }
        return PublicFields.read(seq, fields);
    }

    /** Rows of a sheet: the first non-empty row is the header. */
    private static List<RawProcedure> sheet(List<List<String>> rows) {
        int h = 0;
        while (h < rows.size() && rows.get(h).stream().allMatch(Texts::isBlank)) {
            h++;
        }
        if (h >= rows.size()) {
            throw InvalidInput.of("file", "catimport.file.empty");
        }
        List<String> header = rows.get(h);
        if (!PublicFields.knowsHeader(header)) {
            throw InvalidInput.of("file", "catimport.file.headers");
        }
        if (rows.size() - h - 1 > MAX_RECORDS) {
            throw InvalidInput.of("file", "catimport.file.tooMany");
        }
        List<RawProcedure> out = new ArrayList<>();
        int seq = 0;
        for (int i = h + 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.stream().allMatch(Texts::isBlank)) {
                continue;
            }
            seq++;
            Map<String, String> fields = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                fields.put(header.get(c), c < row.size() ? row.get(c) : null);
            }
            out.add(PublicFields.read(seq, fields));
        }
        return out;
    }

    private static List<List<String>> xlsxRows(byte[] bytes) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? null : format.formatCellValue(cell));
                }
                rows.add(cells);
                if (rows.size() > MAX_RECORDS + 10) {
                    throw InvalidInput.of("file", "catimport.file.tooMany");
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw InvalidInput.of("file", "catimport.file.unreadable");
        }
    }

    /** RFC 4180 CSV: comma or semicolon separated (guessed from the header), quotes, line breaks in quotes. */
    static final class Csv {
        private Csv() {
        }

        static List<List<String>> parse(String text) {
            int firstLine = text.indexOf('\n');
            String head = firstLine < 0 ? text : text.substring(0, firstLine);
            char sep = head.chars().filter(ch -> ch == ';').count() > head.chars().filter(ch -> ch == ',').count() ? ';' : ',';
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == sep) {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    if (rows.size() > MAX_RECORDS + 10) {
                        throw InvalidInput.of("file", "catimport.file.tooMany");
                    }
                } else {
                    cell.append(ch);
                }
            }
            if (cell.length() > 0 || !row.isEmpty()) {
                row.add(cell.toString());
                rows.add(row);
            }
            return rows;
        }
    }

    static List<String> lines(String text) {
        if (Texts.isBlank(text)) {
            return List.of();
        }
        return Arrays.stream(text.split("\\r?\\n|\\r")).map(Texts::clean).filter(s -> !Texts.isBlank(s)).toList();
    }
}
