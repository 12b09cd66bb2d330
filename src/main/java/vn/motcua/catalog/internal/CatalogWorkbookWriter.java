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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FormTemplate;
import vn.motcua.catalog.LegalDocument;
import vn.motcua.catalog.ProcedureCase;
import vn.motcua.catalog.ProcedureComponent;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.Step;

/** Writes the catalogue as an XLSX workbook: one sheet per part (see {@link CatalogSheets}). */
@Component
public class CatalogWorkbookWriter {

    public byte[] write(List<ProcedureDetail> procedures) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            Sheet ps = sheet(wb, PROCEDURES, PROCEDURE_COLUMNS, header);
            Sheet ss = sheet(wb, STEPS, STEP_COLUMNS, header);
            Sheet cs = sheet(wb, COMPONENTS, COMPONENT_COLUMNS, header);
            Sheet fs = sheet(wb, FORMS, FORM_COLUMNS, header);
            Sheet es = sheet(wb, FEES, FEE_COLUMNS, header);
            Sheet ls = sheet(wb, LEGAL, LEGAL_COLUMNS, header);
            for (ProcedureDetail p : procedures) {
                Row r = next(ps);
                Object[] values = {p.code(), p.version(), p.status().name(), p.name(), p.field(), p.level().name(),
                    p.agency() == null || p.agency().code() == null ? null : p.agency().code(),
                    String.join("\n", p.subjects()), String.join(",", p.methods().stream().map(Enum::name).toList()),
                    p.onlineLevel().name(), p.interAgency(), p.crossBoundary(), p.resultType(), p.feeVnd(),
                    p.publication() == null ? null : p.publication().decision(),
                    p.publication() == null || p.publication().decidedOn() == null ? null
                            : p.publication().decidedOn().toString()};
                fill(r, values, wrap);
                for (ProcedureCase k : p.cases()) {
                    int n = 1;
                    for (Step s : k.steps()) {
                        fill(next(ss), new Object[] {p.code(), k.id(), k.name(), k.duration().amount(), k.duration().unit().name(),
                            k.onlineDuration() == null ? null : k.onlineDuration().amount(),
                            k.onlineDuration() == null ? null : k.onlineDuration().unit().name(), n++, s.name(),
                            s.role().name(), s.unit().code(), s.unit().kind() == null ? null : s.unit().kind().name(),
                            s.share()}, wrap);
                    }
                }
                for (ProcedureComponent c : p.components()) {
                    fill(next(cs), new Object[] {p.code(), c.name(), c.originals(), c.copies(), c.form()}, wrap);
                }
                for (FormTemplate f : p.forms()) {
                    fill(next(fs), new Object[] {p.code(), f.code(), f.name(), f.url()}, wrap);
                }
                for (Fee f : p.fees()) {
                    fill(next(es), new Object[] {p.code(), f.name(), f.amountVnd(), f.note()}, wrap);
                }
                for (LegalDocument d : p.legalBasis()) {
                    fill(next(ls), new Object[] {p.code(), d.number(), d.title(),
                        d.issuedOn() == null ? null : d.issuedOn().toString()}, wrap);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the catalogue spreadsheet", e);
        }
    }

    private static Sheet sheet(Workbook wb, String name, List<String> columns, CellStyle header) {
        Sheet s = wb.createSheet(name);
        Row r = s.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell c = r.createCell(i);
            c.setCellValue(columns.get(i));
            c.setCellStyle(header);
            String col = columns.get(i);
            int width = switch (col) {
                case "name", "stepName", "title", "resultType", "subjects" -> 60;
                case "field", "caseName", "note", "url" -> 30;
                default -> 14;
            };
            s.setColumnWidth(i, width * 256);
        }
        s.createFreezePane(0, 1);
        return s;
    }

    private static Row next(Sheet s) {
        return s.createRow(s.getLastRowNum() + 1);
    }

    private static void fill(Row r, Object[] values, CellStyle wrap) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            Cell c = r.createCell(i);
            if (v instanceof Number n && !(v instanceof BigDecimal)) {
                c.setCellValue(n.doubleValue());
            } else if (v instanceof BigDecimal b) {
                c.setCellValue(b.doubleValue());
            } else if (v instanceof Boolean b) {
                c.setCellValue(b);
            } else {
                String s = v.toString();
                c.setCellValue(s);
                if (s.indexOf('\n') >= 0) {
                    c.setCellStyle(wrap);
                }
            }
        }
    }
}
