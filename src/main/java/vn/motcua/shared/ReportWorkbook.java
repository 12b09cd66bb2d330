package vn.motcua.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
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

    /** A boxed cell whose text wraps (names, notes). */
    public static CellStyle wrapped(XSSFWorkbook wb) {
        CellStyle st = boxed(wb);
        st.setWrapText(true);
        return st;
    }

    /** A boxed, horizontally centred cell (numbers in order, short marks). */
    public static CellStyle centred(XSSFWorkbook wb) {
        CellStyle st = boxed(wb);
        st.setAlignment(HorizontalAlignment.CENTER);
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

    /** A header cell: the text as given, in the header style. */
    public static void header(Row row, int c, String text, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    /**
     * Columns 0..lastCol sized to their content plus a margin, at most
     * {@code maxChars} wide (longer text wraps); column 0 at least
     * {@code minFirstChars}, the others at least {@code minChars}.
     */
    public static void fitColumns(Sheet sheet, int lastCol, int maxChars, int minFirstChars, int minChars) {
        for (int c = 0; c <= lastCol; c++) {
            sheet.autoSizeColumn(c);
            int width = Math.min(sheet.getColumnWidth(c) + 512, maxChars * 256);
            sheet.setColumnWidth(c, Math.max(width, (c == 0 ? minFirstChars : minChars) * 256));
        }
    }

    /** Printed landscape on A4, one page wide, as many pages long as needed. */
    public static void printLandscapeA4(Sheet sheet) {
        PrintSetup ps = sheet.getPrintSetup();
        ps.setLandscape(true);
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sheet.setFitToPage(true);
    }

    /** A new workbook, filled by {@code fill}, written out as the bytes of an XLSX file. */
    public static byte[] bytes(Consumer<XSSFWorkbook> fill) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill.accept(wb);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
