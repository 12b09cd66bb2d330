package vn.motcua.catalog.internal;

import static vn.motcua.shared.ReportWorkbook.boxed;
import static vn.motcua.shared.ReportWorkbook.fitColumns;
import static vn.motcua.shared.ReportWorkbook.header;
import static vn.motcua.shared.ReportWorkbook.number;
import static vn.motcua.shared.ReportWorkbook.printLandscapeA4;
import static vn.motcua.shared.ReportWorkbook.string;
import static vn.motcua.shared.ReportWorkbook.title;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.ComplianceCostView;
import vn.motcua.catalog.CostSaving;
import vn.motcua.catalog.SimplificationProposal;
import vn.motcua.catalog.SimplificationReview;
import vn.motcua.shared.ReportWorkbook;

/**
 * The review list as an XLSX workbook: a title, two header rows (the sides,
 * then the columns), one row per proposal with every figure as a numeric cell
 * (hours, VND amounts, executions and subjects per year; the saving's share as
 * a fraction shown in per cent) and a totals row of the annual costs and the
 * saving. Texts are in the caller's language. Stateless and thread-safe.
 */
@Component
public class SimplificationWorkbook {

    /** Row index (0-based) of the column headers; data starts right below. */
    public static final int HEADER_ROW = 4;
    /** Columns (0-based) of the first side's figures, the second side's, the saving and its share. */
    public static final int BEFORE_COL = 5;
    public static final int AFTER_COL = 12;
    public static final int SAVING_COL = 19;
    public static final int PERCENT_COL = 20;
    /** Within a side: hours, hourly income, fees, cost of one execution, executions, subjects, annual cost. */
    public static final int SIDE_WIDTH = 7;
    public static final int ANNUAL_OFFSET = 6;

    private static final List<String> LEAD = List.of("simplification.xlsx.number", "procedure.code", "procedure.name",
            "simplification.kind", "simplification.status");
    private static final List<String> SIDE = List.of("simplification.hours", "simplification.hourlyIncomeVnd",
            "simplification.feesVnd", "simplification.costPerExecution", "simplification.executionsPerYear",
            "simplification.subjectsPerYear", "simplification.annualCost");
    private static final int MAX_CHARS = 48;

    private final MessageSource messages;

    public SimplificationWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] xlsx(SimplificationReview review, String filter, Locale locale) {
        return ReportWorkbook.bytes(wb -> {
            Styles s = new Styles(wb);
            Sheet sh = wb.createSheet(msg("simplification.xlsx.sheet", locale));
            int last = PERCENT_COL;

            title(sh, 0, msg("simplification.xlsx.title", locale).toUpperCase(locale), s.title, last);
            title(sh, 1, filter, s.subtitle, last);

            Row groups = sh.createRow(HEADER_ROW - 1);
            for (int c = 0; c <= last; c++) {
                groups.createCell(c).setCellStyle(s.header);
            }
            groups.getCell(BEFORE_COL).setCellValue(msg("simplification.before", locale));
            groups.getCell(AFTER_COL).setCellValue(msg("simplification.after", locale));
            groups.getCell(SAVING_COL).setCellValue(msg("simplification.saving", locale));
            sh.addMergedRegion(new CellRangeAddress(HEADER_ROW - 1, HEADER_ROW - 1, BEFORE_COL, BEFORE_COL + SIDE_WIDTH - 1));
            sh.addMergedRegion(new CellRangeAddress(HEADER_ROW - 1, HEADER_ROW - 1, AFTER_COL, AFTER_COL + SIDE_WIDTH - 1));
            sh.addMergedRegion(new CellRangeAddress(HEADER_ROW - 1, HEADER_ROW - 1, SAVING_COL, PERCENT_COL));

            Row head = sh.createRow(HEADER_ROW);
            head.setHeightInPoints(45);
            int c = 0;
            for (String key : LEAD) {
                header(head, c++, msg(key, locale), s.header);
            }
            for (int side = 0; side < 2; side++) {
                for (String key : SIDE) {
                    header(head, c++, msg(key, locale), s.header);
                }
            }
            header(head, SAVING_COL, msg("simplification.savingVnd", locale), s.header);
            header(head, PERCENT_COL, msg("simplification.savingPercent", locale), s.header);

            int r = HEADER_ROW + 1;
            int n = 1;
            for (SimplificationProposal p : review.items()) {
                Row row = sh.createRow(r++);
                number(row, 0, n++, s.integer);
                string(row, 1, p.procedureCode(), s.text);
                string(row, 2, p.procedureName(), s.wrap);
                string(row, 3, msg("simplification.kind." + p.kind(), locale), s.text);
                string(row, 4, msg("simplification.status." + p.status(), locale), s.text);
                side(row, BEFORE_COL, p.before(), s);
                side(row, AFTER_COL, p.after(), s);
                number(row, SAVING_COL, p.saving().savingVnd(), s.money);
                percent(row, PERCENT_COL, p.saving().savingPercent(), s);
            }
            CostSaving t = review.totals();
            Row total = sh.createRow(r);
            for (int k = 0; k <= last; k++) {
                total.createCell(k).setCellStyle(s.boldText);
            }
            total.getCell(2).setCellValue(msg("simplification.totals", locale) + " (" + review.items().size() + ")");
            number(total, BEFORE_COL + ANNUAL_OFFSET, t.annualCostBeforeVnd(), s.boldMoney);
            number(total, AFTER_COL + ANNUAL_OFFSET, t.annualCostAfterVnd(), s.boldMoney);
            number(total, SAVING_COL, t.savingVnd(), s.boldMoney);
            percent(total, PERCENT_COL, t.savingPercent(), s);
            total.getCell(PERCENT_COL).setCellStyle(s.boldPercent);

            fitColumns(sh, last, MAX_CHARS, 5, 11);
            sh.setColumnWidth(2, MAX_CHARS * 256);
            sh.createFreezePane(3, HEADER_ROW + 1);
            sh.setRepeatingRows(new CellRangeAddress(HEADER_ROW - 1, HEADER_ROW, -1, -1));
            printLandscapeA4(sh);
        });
    }

    /** A side's figures; for ABOLISH (no side after) the inputs stay empty and the costs are 0. */
    private static void side(Row row, int col, ComplianceCostView v, Styles s) {
        if (v == null) {
            for (int k = 0; k < SIDE_WIDTH; k++) {
                row.createCell(col + k).setCellStyle(s.money);
            }
            number(row, col + 3, 0, s.money);
            number(row, col + ANNUAL_OFFSET, 0, s.money);
            return;
        }
        decimal(row, col, v.hours(), s.decimal);
        number(row, col + 1, v.hourlyIncomeVnd(), s.money);
        number(row, col + 2, v.feesVnd(), s.money);
        number(row, col + 3, v.costPerExecutionVnd(), s.money);
        decimal(row, col + 4, v.executionsPerYear(), s.decimal);
        number(row, col + 5, v.subjectsPerYear(), s.money);
        number(row, col + ANNUAL_OFFSET, v.annualCostVnd(), s.money);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static void decimal(Row row, int c, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(style);
    }

    /** A percentage as the fraction Excel expects (89.29 % is 0.8929), empty when undefined. */
    private static void percent(Row row, int c, BigDecimal percent, Styles s) {
        Cell cell = row.createCell(c);
        if (percent != null) {
            cell.setCellValue(percent.divide(BigDecimal.valueOf(100), 4, RoundingMode.UNNECESSARY).doubleValue());
        }
        cell.setCellStyle(s.percent);
    }

    /** The workbook's cell styles, made once per workbook. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle subtitle;
        final CellStyle header;
        final CellStyle text;
        final CellStyle wrap;
        final CellStyle integer;
        final CellStyle money;
        final CellStyle decimal;
        final CellStyle percent;
        final CellStyle boldText;
        final CellStyle boldMoney;
        final CellStyle boldPercent;

        Styles(XSSFWorkbook wb) {
            XSSFFont strong = ReportWorkbook.bold(wb);
            short moneyFormat = wb.getCreationHelper().createDataFormat().getFormat("#,##0");
            short percentFormat = wb.getCreationHelper().createDataFormat().getFormat("0.00%");

            title = ReportWorkbook.titleStyle(wb);
            subtitle = ReportWorkbook.subtitleStyle(wb);
            header = ReportWorkbook.headerStyle(wb, strong);

            text = boxed(wb);
            wrap = ReportWorkbook.wrapped(wb);
            integer = ReportWorkbook.centred(wb);
            money = boxed(wb);
            money.setDataFormat(moneyFormat);
            // General: 8.5 and 4, where "#,##0.##" would show "4."
            decimal = boxed(wb);
            percent = boxed(wb);
            percent.setDataFormat(percentFormat);
            boldText = boxed(wb);
            boldText.setFont(strong);
            boldMoney = boxed(wb);
            boldMoney.setFont(strong);
            boldMoney.setDataFormat(moneyFormat);
            boldPercent = boxed(wb);
            boldPercent.setFont(strong);
            boldPercent.setDataFormat(percentFormat);
        }

    }
}
