package vn.motcua.reform.internal.parindex;

import java.math.BigDecimal;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.motcua.reform.ParIndexService;
import vn.motcua.reform.ParIndexView;
import vn.motcua.shared.ReportWorkbook;

/**
 * The PAR INDEX scores as XLSX: the ranking (self-score, appraisal, final)
 * and, on a second sheet, each criterion's final score per unit.
 */
@Component
public class ParIndexWorkbook {

    private final MessageSource messages;

    public ParIndexWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] xlsx(ParIndexService.ScoreMatrix m, java.util.Locale locale) {
        return ReportWorkbook.bytes(wb -> {
            fillRanking(wb, m, locale);
            fillMatrix(wb, m, locale);
        });
    }

    private String t(String key, java.util.Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private void fillRanking(XSSFWorkbook wb, ParIndexService.ScoreMatrix m, java.util.Locale locale) {
        Sheet sh = wb.createSheet(t("reform.par.xlsx.ranking", locale));
        CellStyle header = ReportWorkbook.headerStyle(wb, ReportWorkbook.bold(wb));
        CellStyle boxed = ReportWorkbook.boxed(wb);
        CellStyle centred = ReportWorkbook.centred(wb);
        ReportWorkbook.title(sh, 0, t("reform.par.xlsx.title", locale, m.year()), ReportWorkbook.titleStyle(wb), 6);
        ReportWorkbook.title(sh, 1, m.title(), ReportWorkbook.subtitleStyle(wb), 6);
        Row h = sh.createRow(3);
        String[] cols = {"reform.par.col.rank", "reform.par.col.unit", "reform.par.col.self", "reform.par.col.appraised",
                "reform.par.col.final", "reform.par.col.selfScored", "reform.par.col.appraisedCount"};
        for (int c = 0; c < cols.length; c++) {
            ReportWorkbook.header(h, c, t(cols[c], locale), header);
        }
        int r = 4;
        for (ParIndexView.RankingRow row : m.ranking()) {
            Row x = sh.createRow(r++);
            ReportWorkbook.number(x, 0, row.rank(), centred);
            ReportWorkbook.string(x, 1, row.unitName(), boxed);
            decimal(x, 2, row.selfTotal(), boxed);
            decimal(x, 3, row.appraisedTotal(), boxed);
            decimal(x, 4, row.finalTotal(), boxed);
            ReportWorkbook.string(x, 5, row.selfScored() + "/" + row.leaves(), centred);
            ReportWorkbook.string(x, 6, row.appraised() + "/" + row.leaves(), centred);
        }
        ReportWorkbook.fitColumns(sh, 6, 60, 6, 10);
        ReportWorkbook.printLandscapeA4(sh);
    }

    private void fillMatrix(XSSFWorkbook wb, ParIndexService.ScoreMatrix m, java.util.Locale locale) {
        Sheet sh = wb.createSheet(t("reform.par.xlsx.criteria", locale));
        CellStyle header = ReportWorkbook.headerStyle(wb, ReportWorkbook.bold(wb));
        CellStyle boxed = ReportWorkbook.boxed(wb);
        CellStyle wrapped = ReportWorkbook.wrapped(wb);
        int last = 2 + m.ranking().size();
        ReportWorkbook.title(sh, 0, t("reform.par.xlsx.title", locale, m.year()), ReportWorkbook.titleStyle(wb), Math.max(last, 3));
        Row h = sh.createRow(2);
        ReportWorkbook.header(h, 0, t("reform.par.col.code", locale), header);
        ReportWorkbook.header(h, 1, t("reform.par.col.criterion", locale), header);
        ReportWorkbook.header(h, 2, t("reform.par.col.max", locale), header);
        for (int i = 0; i < m.ranking().size(); i++) {
            ReportWorkbook.header(h, 3 + i, m.ranking().get(i).unitName(), header);
        }
        int r = 3;
        for (ParIndexView.Criterion c : m.leaves()) {
            Row x = sh.createRow(r++);
            ReportWorkbook.string(x, 0, c.code(), boxed);
            ReportWorkbook.string(x, 1, c.name(), wrapped);
            decimal(x, 2, c.maxPoints(), boxed);
            for (int i = 0; i < m.ranking().size(); i++) {
                Map<Long, BigDecimal> f = m.finals().getOrDefault(m.ranking().get(i).unitId(), Map.of());
                decimal(x, 3 + i, f.get(c.id()), boxed);
            }
        }
        ReportWorkbook.fitColumns(sh, Math.max(last, 2), 60, 8, 10);
        ReportWorkbook.printLandscapeA4(sh);
    }

    static void decimal(Row row, int c, BigDecimal v, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
        if (v != null) {
            cell.setCellValue(v.doubleValue());
        }
        cell.setCellStyle(style);
    }
}
