package vn.motcua.catalog.internal;

import static vn.motcua.catalog.internal.CatalogSheets.COMPONENTS;
import static vn.motcua.catalog.internal.CatalogSheets.COMPONENT_COLUMNS;
import static vn.motcua.catalog.internal.CatalogSheets.FEES;
import static vn.motcua.catalog.internal.CatalogSheets.FEE_COLUMNS;
import static vn.motcua.catalog.internal.CatalogSheets.FORMS;
import static vn.motcua.catalog.internal.CatalogSheets.FORM_COLUMNS;
import static vn.motcua.catalog.internal.CatalogSheets.LEGAL;
import static vn.motcua.catalog.internal.CatalogSheets.LEGAL_COLUMNS;
import static vn.motcua.catalog.internal.CatalogSheets.PROCEDURES;
import static vn.motcua.catalog.internal.CatalogSheets.PROCEDURE_COLUMNS;
import static vn.motcua.catalog.internal.CatalogSheets.STEPS;
import static vn.motcua.catalog.internal.CatalogSheets.STEP_COLUMNS;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FilingMethod;
import vn.motcua.catalog.FormTemplate;
import vn.motcua.catalog.ImportError;
import vn.motcua.catalog.LegalDocument;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureCase;
import vn.motcua.catalog.ProcedureCommand;
import vn.motcua.catalog.ProcedureComponent;
import vn.motcua.catalog.ProcessingTime;
import vn.motcua.catalog.Step;
import vn.motcua.catalog.UnitRef;
import vn.motcua.catalog.internal.CatalogTransfer.Parsed;
import vn.motcua.organization.Role;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.shared.Texts;

/**
 * Reads the catalogue from an XLSX workbook (see {@link CatalogSheets}). Reading
 * never stops at the first problem: every unreadable row or cell becomes an
 * {@link ImportError}, and each item knows how to point at the row and column
 *
 * <p>Why some 550 lines: one reader per sheet of the workbook (procedures,
 * cases, steps, components, fees, forms, legal basis), each short, sharing the
 * cell readers that turn a bad cell into an error with its address.
 * a later rule violation comes from.
 */
@Component
public class CatalogWorkbookReader {

    /** Where one part of a procedure came from in the spreadsheet. */
    private static final class Origin {
        int procedureRow;
        final List<Integer> caseRows = new ArrayList<>();
        final List<List<Integer>> stepRows = new ArrayList<>();
        final List<Integer> componentRows = new ArrayList<>();
        final List<Integer> formRows = new ArrayList<>();
        final List<Integer> feeRows = new ArrayList<>();
        final List<Integer> legalRows = new ArrayList<>();
    }

    /** A procedure being assembled from the sheets. */
    private static final class Draft {
        String code;
        String name;
        String field;
        UnitLevel level;
        String agency;
        List<String> subjects = new ArrayList<>();
        Set<FilingMethod> methods = EnumSet.noneOf(FilingMethod.class);
        OnlineLevel onlineLevel;
        Boolean interAgency;
        Boolean crossBoundary;
        String resultType;
        boolean publish;
        String decision;
        LocalDate decidedOn;
        final Map<String, CaseDraft> cases = new LinkedHashMap<>();
        final List<ProcedureComponent> components = new ArrayList<>();
        final List<FormTemplate> forms = new ArrayList<>();
        final List<Fee> fees = new ArrayList<>();
        final List<LegalDocument> legal = new ArrayList<>();
        final Origin origin = new Origin();
    }

    private static final class CaseDraft {
        String id;
        String name;
        ProcessingTime duration;
        ProcessingTime online;
        final List<Step> steps = new ArrayList<>();
    }

    /** One sheet's rows, read cell by cell with the errors of the cells that could not be read. */
    private static final class SheetReader {
        final String name;
        final Sheet sheet;
        final Map<String, Integer> columns = new HashMap<>();
        final List<ImportError> errors;
        int row;
        String code;

        SheetReader(String name, Sheet sheet, List<String> expected, List<String> required, List<ImportError> errors) {
            this.name = name;
            this.sheet = sheet;
            this.errors = errors;
            Row header = sheet.getRow(0);
            if (header != null) {
                for (Cell c : header) {
                    String h = c.getCellType() == CellType.STRING ? c.getStringCellValue().strip() : "";
                    for (String e : expected) {
                        if (e.equalsIgnoreCase(h)) {
                            columns.put(e, c.getColumnIndex());
                        }
                    }
                }
            }
            for (String r : required) {
                if (!columns.containsKey(r)) {
                    errors.add(new ImportError(name, 1, null, r, "procedure.import.missingColumn", new Object[] {r}));
                }
            }
        }

        boolean usable() {
            return columns.containsKey("code");
        }

        List<Row> rows() {
            List<Row> rows = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row r = sheet.getRow(i);
                if (r != null && !blank(r)) {
                    rows.add(r);
                }
            }
            return rows;
        }

        private boolean blank(Row r) {
            for (Cell c : r) {
                if (c.getCellType() != CellType.BLANK && !Texts.isBlank(raw(c))) {
                    return false;
                }
            }
            return true;
        }

        void at(Row r) {
            row = r.getRowNum() + 1;
            code = null;
            Cell c = cell(r, "code");
            if (c != null) {
                if (c.getCellType() == CellType.NUMERIC) {
                    // a code typed into a spreadsheet may have become a number: 1.00119 means 1.001190
                    code = BigDecimal.valueOf(c.getNumericCellValue()).setScale(6, RoundingMode.HALF_UP).toPlainString();
                } else {
                    code = Texts.clean(raw(c));
                }
            }
        }

        Cell cell(Row r, String column) {
            Integer i = columns.get(column);
            return i == null ? null : r.getCell(i);
        }

        String text(Row r, String column) {
            Cell c = cell(r, column);
            String s = c == null ? null : Texts.clean(raw(c));
            return Texts.isBlank(s) ? null : s;
        }

        /** Multi-line text keeps its lines (subjects are one per line). */
        String lines(Row r, String column) {
            Cell c = cell(r, column);
            return c == null ? null : raw(c);
        }

        BigDecimal decimal(Row r, String column) {
            Cell c = cell(r, column);
            if (c == null || c.getCellType() == CellType.BLANK) {
                return null;
            }
            if (c.getCellType() == CellType.NUMERIC
                    || (c.getCellType() == CellType.FORMULA && c.getCachedFormulaResultType() == CellType.NUMERIC)) {
                return BigDecimal.valueOf(c.getNumericCellValue());
            }
            String s = Texts.clean(raw(c));
            if (Texts.isBlank(s)) {
                return null;
            }
            try {
                return new BigDecimal(s.replace(',', '.'));
            } catch (NumberFormatException e) {
                error(column, "procedure.import.badNumber", s);
                return null;
            }
        }

        Integer integer(Row r, String column) {
            BigDecimal d = decimal(r, column);
            if (d == null) {
                return null;
            }
            try {
                return d.intValueExact();
            } catch (ArithmeticException e) {
                error(column, "procedure.import.badNumber", d.toPlainString());
                return null;
            }
        }

        Long money(Row r, String column) {
            Cell c = cell(r, column);
            if (c != null && c.getCellType() == CellType.STRING) {
                String s = Texts.clean(raw(c));
                if (!Texts.isBlank(s)) {
                    // 50.000 or 50,000 (thousands separators) means fifty thousand đồng
                    String digits = s.replace(".", "").replace(",", "").replace(" ", "").replace("đ", "");
                    try {
                        return Long.parseLong(digits);
                    } catch (NumberFormatException e) {
                        error(column, "procedure.import.badNumber", s);
                        return null;
                    }
                }
            }
            BigDecimal d = decimal(r, column);
            if (d == null) {
                return null;
            }
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                error(column, "procedure.import.badNumber", d.toPlainString());
                return null;
            }
        }

        Boolean bool(Row r, String column) {
            Cell c = cell(r, column);
            if (c == null || c.getCellType() == CellType.BLANK) {
                return null;
            }
            if (c.getCellType() == CellType.BOOLEAN) {
                return c.getBooleanCellValue();
            }
            String s = Texts.fold(Texts.clean(raw(c)));
            if (Texts.isBlank(s)) {
                return null;
            }
            return switch (s) {
                case "true", "yes", "x", "1", "co" -> Boolean.TRUE;
                case "false", "no", "0", "khong" -> Boolean.FALSE;
                default -> {
                    error(column, "procedure.import.badBoolean", s);
                    yield null;
                }
            };
        }

        LocalDate date(Row r, String column) {
            Cell c = cell(r, column);
            if (c == null || c.getCellType() == CellType.BLANK) {
                return null;
            }
            if (c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
                return c.getLocalDateTimeCellValue().toLocalDate();
            }
            String s = Texts.clean(raw(c));
            if (Texts.isBlank(s)) {
                return null;
            }
            for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("d/M/uuuu"))) {
                try {
                    return LocalDate.parse(s, f);
                } catch (DateTimeParseException ignored) {
                    // try the next form
                }
            }
            error(column, "procedure.import.badDate", s);
            return null;
        }

        <E extends Enum<E>> E enumValue(Row r, String column, Class<E> type) {
            String s = text(r, column);
            if (s == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, s.toUpperCase(Locale.ROOT).replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                error(column, "procedure.import.badEnum", s,
                        String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
                return null;
            }
        }

        void error(String column, String key, Object... args) {
            errors.add(new ImportError(name, row, code, column, key, args));
        }

        static String raw(Cell c) {
            return switch (c.getCellType()) {
                case STRING -> c.getStringCellValue();
                case NUMERIC -> DateUtil.isCellDateFormatted(c) ? c.getLocalDateTimeCellValue().toLocalDate().toString()
                        : BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros().toPlainString();
                case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
                case FORMULA -> switch (c.getCachedFormulaResultType()) {
                    case STRING -> c.getStringCellValue();
                    case NUMERIC -> BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros().toPlainString();
                    case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
                    default -> null;
                };
                default -> null;
            };
        }
    }

    public Parsed read(InputStream in) {
        List<ImportError> errors = new ArrayList<>();
        List<ImportItem> items = new ArrayList<>();
        Workbook wb;
        try {
            wb = new XSSFWorkbook(in);
        } catch (IOException | RuntimeException e) {
            errors.add(new ImportError(null, 0, null, "", "procedure.import.unreadable", new Object[] {"XLSX"}));
            return new Parsed(items, errors);
        }
        try (wb) {
            Sheet procedures = wb.getSheet(PROCEDURES);
            if (procedures == null) {
                errors.add(new ImportError(PROCEDURES, 0, null, "", "procedure.import.missingSheet", new Object[] {PROCEDURES}));
                return new Parsed(items, errors);
            }
            Map<String, Draft> drafts = new LinkedHashMap<>();
            SheetReader pr = new SheetReader(PROCEDURES, procedures, PROCEDURE_COLUMNS, List.of("code", "name"), errors);
            if (!pr.usable()) {
                return new Parsed(items, errors);
            }
            for (Row r : pr.rows()) {
                pr.at(r);
                if (pr.code == null) {
                    pr.error("code", "validation.required");
                    continue;
                }
                if (drafts.containsKey(pr.code)) {
                    pr.error("code", "procedure.import.duplicateCode", pr.code);
                    continue;
                }
                Draft d = new Draft();
                d.code = pr.code;
                d.origin.procedureRow = pr.row;
                d.name = pr.text(r, "name");
                d.field = pr.text(r, "field");
                d.level = pr.enumValue(r, "level", UnitLevel.class);
                d.agency = pr.text(r, "agency");
                String subjects = pr.lines(r, "subjects");
                if (subjects != null) {
                    for (String s : subjects.split("[\\n;]")) {
                        if (!Texts.isBlank(s)) {
                            d.subjects.add(s);
                        }
                    }
                }
                String methods = pr.text(r, "methods");
                if (methods != null) {
                    for (String m : methods.split("[,;\\s]+")) {
                        if (m.isBlank()) {
                            continue;
                        }
                        try {
                            d.methods.add(FilingMethod.valueOf(m.strip().toUpperCase(Locale.ROOT)));
                        } catch (IllegalArgumentException e) {
                            pr.error("methods", "procedure.import.badEnum", m, "IN_PERSON, ONLINE, POST");
                        }
                    }
                }
                d.onlineLevel = pr.enumValue(r, "onlineLevel", OnlineLevel.class);
                d.interAgency = pr.bool(r, "interAgency");
                d.crossBoundary = pr.bool(r, "crossBoundary");
                d.resultType = pr.text(r, "resultType");
                // feeVnd is written for reading only: the total is the sum of the Fees sheet
                d.publish = "PUBLISHED".equalsIgnoreCase(pr.text(r, "status"));
                d.decision = pr.text(r, "decision");
                d.decidedOn = pr.date(r, "decidedOn");
                drafts.put(d.code, d);
            }
            readSteps(wb, drafts, errors);
            readRows(wb, COMPONENTS, COMPONENT_COLUMNS, List.of("code", "name"), drafts, errors, (sr, r, d) -> {
                d.components.add(new ProcedureComponent(sr.text(r, "name"), sr.integer(r, "originals"),
                        sr.integer(r, "copies"), sr.text(r, "form")));
                d.origin.componentRows.add(sr.row);
            });
            readRows(wb, FORMS, FORM_COLUMNS, List.of("code", "formCode", "name"), drafts, errors, (sr, r, d) -> {
                d.forms.add(new FormTemplate(sr.text(r, "formCode"), sr.text(r, "name"), sr.text(r, "url")));
                d.origin.formRows.add(sr.row);
            });
            readRows(wb, FEES, FEE_COLUMNS, List.of("code", "name", "amountVnd"), drafts, errors, (sr, r, d) -> {
                d.fees.add(new Fee(sr.text(r, "name"), sr.money(r, "amountVnd"), sr.text(r, "note")));
                d.origin.feeRows.add(sr.row);
            });
            readRows(wb, LEGAL, LEGAL_COLUMNS, List.of("code", "title"), drafts, errors, (sr, r, d) -> {
                d.legal.add(new LegalDocument(sr.text(r, "number"), sr.text(r, "title"), sr.date(r, "issuedOn")));
                d.origin.legalRows.add(sr.row);
            });
            for (Draft d : drafts.values()) {
                items.add(item(d));
            }
        } catch (IOException e) {
            errors.add(new ImportError(null, 0, null, "", "procedure.import.unreadable", new Object[] {"XLSX"}));
        }
        return new Parsed(items, errors);
    }

    private interface RowHandler {
        void accept(SheetReader reader, Row row, Draft draft);
    }

    private static void readRows(Workbook wb, String name, List<String> columns, List<String> required,
                                 Map<String, Draft> drafts, List<ImportError> errors, RowHandler handler) {
        Sheet s = wb.getSheet(name);
        if (s == null) {
            return;
        }
        SheetReader sr = new SheetReader(name, s, columns, required, errors);
        if (!sr.usable()) {
            return;
        }
        for (Row r : sr.rows()) {
            sr.at(r);
            Draft d = sr.code == null ? null : drafts.get(sr.code);
            if (d == null) {
                sr.error("code", "procedure.import.unknownCode", sr.code == null ? "" : sr.code);
                continue;
            }
            handler.accept(sr, r, d);
        }
    }

    private static void readSteps(Workbook wb, Map<String, Draft> drafts, List<ImportError> errors) {
        readRows(wb, STEPS, STEP_COLUMNS, List.of("code", "caseId", "stepName", "role", "share"), drafts, errors, (sr, r, d) -> {
            String caseId = sr.text(r, "caseId");
            String key = caseId == null ? "" : caseId;
            CaseDraft k = d.cases.get(key);
            if (k == null) {
                k = new CaseDraft();
                k.id = caseId;
                k.name = sr.text(r, "caseName");
                BigDecimal amount = sr.decimal(r, "durationAmount");
                DurationUnit unit = sr.enumValue(r, "durationUnit", DurationUnit.class);
                k.duration = amount == null && unit == null ? null : new ProcessingTime(amount, unit);
                BigDecimal online = sr.decimal(r, "onlineDurationAmount");
                DurationUnit onlineUnit = sr.enumValue(r, "onlineDurationUnit", DurationUnit.class);
                k.online = online == null && onlineUnit == null ? null : new ProcessingTime(online, onlineUnit);
                d.cases.put(key, k);
                d.origin.caseRows.add(sr.row);
                d.origin.stepRows.add(new ArrayList<>());
            }
            String unitCode = sr.text(r, "unit");
            UnitKind kind = sr.enumValue(r, "unitKind", UnitKind.class);
            UnitRef unit = unitCode != null ? UnitRef.unitCode(unitCode) : kind != null ? UnitRef.kind(kind) : null;
            k.steps.add(new Step(sr.text(r, "stepName"), sr.enumValue(r, "role", Role.class), unit, sr.decimal(r, "share")));
            // cases keep the order they first appear in
            d.origin.stepRows.get(new ArrayList<>(d.cases.keySet()).indexOf(key)).add(sr.row);
        });
    }

    private static ImportItem item(Draft d) {
        List<ProcedureCase> cases = d.cases.values().stream()
                .map(k -> new ProcedureCase(k.id, k.name, k.duration, k.online, k.steps)).toList();
        ProcedureCommand command = new ProcedureCommand(d.code, d.name, d.field, d.level,
                d.agency == null ? null : UnitRef.unitCode(d.agency), d.subjects, d.methods, d.onlineLevel, d.interAgency,
                d.crossBoundary, cases, d.components, d.forms, d.fees, null, d.resultType, d.legal, null);
        Origin o = d.origin;
        return new ImportItem(command, d.publish, d.decision, d.decidedOn, v -> locate(d.code, o, v));
    }

    private static final Pattern INDEXED = Pattern.compile("^(cases|components|forms|fees|legalBasis)\\[(\\d+)](?:\\.(.+))?$");
    private static final Pattern STEP = Pattern.compile("^steps\\[(\\d+)](?:\\.(.+))?$");

    /** Points a violation of a command field at the sheet, row and column it came from. */
    static ImportError locate(String code, Origin o, Violation v) {
        Object[] args = v.args().toArray();
        Matcher m = INDEXED.matcher(v.field());
        if (!m.matches()) {
            return new ImportError(PROCEDURES, o.procedureRow, code, v.field(), v.messageKey(), args);
        }
        int i = Integer.parseInt(m.group(2));
        String rest = m.group(3) == null ? "" : m.group(3);
        return switch (m.group(1)) {
            case "cases" -> {
                int caseRow = i < o.caseRows.size() ? o.caseRows.get(i) : o.procedureRow;
                Matcher sm = STEP.matcher(rest);
                if (sm.matches() && i < o.stepRows.size()) {
                    int j = Integer.parseInt(sm.group(1));
                    int stepRow = j < o.stepRows.get(i).size() ? o.stepRows.get(i).get(j) : caseRow;
                    String col = sm.group(2) == null ? "stepName" : switch (sm.group(2)) {
                        case "name" -> "stepName";
                        default -> sm.group(2);
                    };
                    yield new ImportError(STEPS, stepRow, code, col, v.messageKey(), args);
                }
                String col = switch (rest) {
                    case "id" -> "caseId";
                    case "name" -> "caseName";
                    case "duration.amount", "duration" -> "durationAmount";
                    case "duration.unit" -> "durationUnit";
                    case "onlineDuration.amount", "onlineDuration" -> "onlineDurationAmount";
                    case "onlineDuration.unit" -> "onlineDurationUnit";
                    case "steps" -> "share";
                    default -> rest;
                };
                yield new ImportError(STEPS, caseRow, code, col, v.messageKey(), args);
            }
            case "components" -> new ImportError(COMPONENTS, row(o.componentRows, i, o), code, rest, v.messageKey(), args);
            case "forms" -> new ImportError(FORMS, row(o.formRows, i, o), code, "code".equals(rest) ? "formCode" : rest,
                    v.messageKey(), args);
            case "fees" -> new ImportError(FEES, row(o.feeRows, i, o), code, rest, v.messageKey(), args);
            default -> new ImportError(LEGAL, row(o.legalRows, i, o), code, rest, v.messageKey(), args);
        };
    }

    private static int row(List<Integer> rows, int i, Origin o) {
        return i < rows.size() ? rows.get(i) : o.procedureRow;
    }
}
