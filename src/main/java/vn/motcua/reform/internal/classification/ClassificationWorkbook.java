package vn.motcua.reform.internal.classification;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.motcua.reform.ClassificationView.AgencyRow;
import vn.motcua.reform.ClassificationView.OfficerAssessment;
import vn.motcua.reform.ClassificationView.YearlyRow;
import vn.motcua.shared.ReportWorkbook;

/** The classification lists as XLSX: officers of a unit for a year (with each confirmed period), and agencies. */
@Component
public class ClassificationWorkbook {

    private final MessageSource messages;

    public ClassificationWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private String band(Object b, Locale locale) {
        return b == null ? "" : t("reform.band." + b, locale);
    }

    public byte[] officers(String unitName, int year, List<YearlyRow> rows, List<OfficerAssessment> periods, Locale locale) {
        return ReportWorkbook.bytes(wb -> {
            CellStyle header = ReportWorkbook.headerStyle(wb, ReportWorkbook.bold(wb));
            CellStyle boxed = ReportWorkbook.boxed(wb);
            CellStyle centred = ReportWorkbook.centred(wb);
            Sheet sh = wb.createSheet(t("reform.class.xlsx.year", locale));
            ReportWorkbook.title(sh, 0, t("reform.class.xlsx.officersTitle", locale, year), ReportWorkbook.titleStyle(wb), 6);
            ReportWorkbook.title(sh, 1, unitName, ReportWorkbook.subtitleStyle(wb), 6);
            String[] cols = {"reform.col.no", "reform.class.col.officer", "reform.class.col.periods", "reform.class.col.average",
                    "reform.class.col.computed", "reform.class.col.band", "reform.class.col.capped"};
            Row h = sh.createRow(3);
            for (int c = 0; c < cols.length; c++) {
                ReportWorkbook.header(h, c, t(cols[c], locale), header);
            }
            int r = 4;
            for (YearlyRow y : rows) {
                Row x = sh.createRow(r);
                ReportWorkbook.number(x, 0, r - 3, centred);
                ReportWorkbook.string(x, 1, y.officerName(), boxed);
                ReportWorkbook.number(x, 2, y.periods(), centred);
                decimal(x, 3, y.average(), boxed);
                ReportWorkbook.string(x, 4, band(y.computed(), locale), boxed);
                ReportWorkbook.string(x, 5, band(y.band(), locale), boxed);
                ReportWorkbook.string(x, 6, y.capped() ? t("reform.yes", locale) : "", centred);
                r++;
            }
            ReportWorkbook.fitColumns(sh, 6, 50, 5, 10);
            ReportWorkbook.printLandscapeA4(sh);

            Sheet ps = wb.createSheet(t("reform.class.xlsx.periods", locale));
            String[] pcols = {"reform.class.col.officer", "reform.class.col.period", "reform.class.col.handled", "reform.class.col.onTime",
                    "reform.class.col.late", "reform.class.col.signals", "reform.class.col.feedback", "reform.class.col.proposed",
                    "reform.class.col.general", "reform.class.col.task", "reform.class.col.total", "reform.class.col.band",
                    "reform.class.col.reason"};
            ReportWorkbook.title(ps, 0, t("reform.class.xlsx.officersTitle", locale, year), ReportWorkbook.titleStyle(wb), pcols.length - 1);
            Row ph = ps.createRow(2);
            for (int c = 0; c < pcols.length; c++) {
                ReportWorkbook.header(ph, c, t(pcols[c], locale), header);
            }
            int pr = 3;
            CellStyle wrapped = ReportWorkbook.wrapped(wb); // one style for every row: a workbook holds at most 64,000
            for (OfficerAssessment a : periods) {
                Row x = ps.createRow(pr++);
                ReportWorkbook.string(x, 0, a.officerName(), boxed);
                ReportWorkbook.string(x, 1, a.period(), centred);
                ReportWorkbook.number(x, 2, a.figures().handled(), centred);
                ReportWorkbook.number(x, 3, a.figures().onTime(), centred);
                ReportWorkbook.number(x, 4, a.figures().late(), centred);
                ReportWorkbook.number(x, 5, a.figures().signalsReminded() + a.figures().signalsDisciplined(), centred);
                ReportWorkbook.number(x, 6, a.figures().feedback(), centred);
                decimal(x, 7, a.proposedTotal(), boxed);
                decimal(x, 8, a.general(), boxed);
                decimal(x, 9, a.task(), boxed);
                decimal(x, 10, a.total(), boxed);
                ReportWorkbook.string(x, 11, band(a.band(), locale), boxed);
                ReportWorkbook.string(x, 12, a.reason(), wrapped);
            }
            ReportWorkbook.fitColumns(ps, pcols.length - 1, 50, 20, 8);
            ReportWorkbook.printLandscapeA4(ps);
        });
    }

    public byte[] agencies(int year, List<AgencyRow> rows, Locale locale) {
        return ReportWorkbook.bytes(wb -> {
            CellStyle header = ReportWorkbook.headerStyle(wb, ReportWorkbook.bold(wb));
            CellStyle boxed = ReportWorkbook.boxed(wb);
            CellStyle centred = ReportWorkbook.centred(wb);
            Sheet sh = wb.createSheet(t("reform.class.xlsx.agencies", locale));
            String[] cols = {"reform.col.no", "reform.unit", "reform.class.col.index766", "reform.class.col.ratings",
                    "reform.class.col.satisfaction", "reform.class.col.tasks", "reform.class.col.score", "reform.class.col.band"};
            ReportWorkbook.title(sh, 0, t("reform.class.xlsx.agenciesTitle", locale, year), ReportWorkbook.titleStyle(wb), cols.length - 1);
            Row h = sh.createRow(2);
            for (int c = 0; c < cols.length; c++) {
                ReportWorkbook.header(h, c, t(cols[c], locale), header);
            }
            int r = 3;
            String noData = t("reform.noData", locale);
            for (AgencyRow a : rows) {
                Row x = sh.createRow(r);
                ReportWorkbook.number(x, 0, r - 2, centred);
                ReportWorkbook.string(x, 1, a.unitName(), boxed);
                decimal(x, 2, a.index766(), boxed);
                ReportWorkbook.number(x, 3, a.ratings() == null ? 0 : a.ratings(), centred);
                decimalOr(x, 4, a.satisfaction(), noData, boxed);
                decimalOr(x, 5, a.tasksDone(), noData, boxed);
                decimalOr(x, 6, a.score(), noData, boxed);
                ReportWorkbook.string(x, 7, band(a.band(), locale), boxed);
                r++;
            }
            ReportWorkbook.fitColumns(sh, cols.length - 1, 50, 5, 10);
            ReportWorkbook.printLandscapeA4(sh);
        });
    }

    private static void decimal(Row row, int c, BigDecimal v, CellStyle style) {
        Cell cell = row.createCell(c);
        if (v != null) {
            cell.setCellValue(v.doubleValue());
        }
        cell.setCellStyle(style);
    }

    private static void decimalOr(Row row, int c, BigDecimal v, String none, CellStyle style) {
        if (v == null) {
            ReportWorkbook.string(row, c, none, style);
        } else {
            decimal(row, c, v, style);
        }
    }
}
