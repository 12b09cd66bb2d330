package vn.motcua.shared;

import java.text.Normalizer;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The look every XLSX report of the province shares (log book, review lists,
 * later the periodic reports): a centred title row over the table, a grey
 * bold header, thin borders around every cell, text stored NFC.
 */
public final class ReportWorkbook {

    private ReportWorkbook() {
    }

    /** A cell style with thin borders, vertically centred. */
    public static CellStyle boxed(XSSFWorkbook wb) {
        CellStyle st = wb.createCellStyle();
        st.setBorderTop(BorderStyle.THIN);
        st.setBorderBottom(BorderStyle.THIN);
        st.setBorderLeft(BorderStyle.THIN);
        st.setBorderRight(BorderStyle.THIN);
        st.setVerticalAlignment(VerticalAlignment.CENTER);
        return st;
    }

    public static XSSFFont bold(XSSFWorkbook wb) {
        XSSFFont f = wb.createFont();
        f.setBold(true);
        return f;
    }

    /** The report's title: bold, 14 pt, centred. */
    public static CellStyle titleStyle(XSSFWorkbook wb) {
        XSSFFont big = bold(wb);
        big.setFontHeightInPoints((short) 14);
        CellStyle st = wb.createCellStyle();
        st.setFont(big);
        st.setAlignment(HorizontalAlignment.CENTER);
        return st;
    }

    /** The line under the title (unit, period): centred. */
    public static CellStyle subtitleStyle(XSSFWorkbook wb) {
        CellStyle st = wb.createCellStyle();
        st.setAlignment(HorizontalAlignment.CENTER);
        return st;
    }

    /** The table's header cells: boxed, bold, centred, wrapped, grey. */
    public static CellStyle headerStyle(XSSFWorkbook wb, XSSFFont boldFont) {
        CellStyle st = boxed(wb);
        st.setFont(boldFont);
        st.setAlignment(HorizontalAlignment.CENTER);
        st.setWrapText(true);
        st.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        st.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return st;
    }

    /** A row whose first cell spans columns 0..lastCol. */
    public static void title(Sheet sheet, int r, String text, CellStyle style, int lastCol) {
        Row row = sheet.createRow(r);
        Cell c = row.createCell(0);
        c.setCellValue(nfc(text == null ? "" : text));
        c.setCellStyle(style);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, lastCol));
    }

    public static void string(Row row, int c, String value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(value == null ? "" : nfc(value));
        cell.setCellStyle(style);
    }

    public static void number(Row row, int c, long value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
