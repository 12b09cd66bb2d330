package vn.motcua.indicators.internal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.motcua.indicators.Report;
import vn.motcua.shared.ReportWorkbook;

/**
 * A report as the province files it: XLSX through the project's
 * {@link ReportWorkbook} (title, period, two header rows as the form groups
 * its columns, one row per line), and PDF in DejaVu Sans (embedded, so
 * Vietnamese prints) with a bar chart of the handled dossiers by timing.
 */
@Component
public class ReportExporter {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** The first table row of the XLSX (0-based): title, form code, unit and period, a blank row, two header rows. */
    public static final int FIRST_DATA_ROW = 6;

    public byte[] xlsx(Report r) {
        return ReportWorkbook.bytes(wb -> fill(wb, r));
    }

    private static void fill(XSSFWorkbook wb, Report r) {
        Sheet sheet = wb.createSheet("Biểu " + r.form());
        int last = r.columns().size() - 1;
        ReportWorkbook.title(sheet, 0, r.title(), ReportWorkbook.titleStyle(wb), last);
        CellStyle sub = ReportWorkbook.subtitleStyle(wb);
        ReportWorkbook.title(sheet, 1, r.formCode() + " — Ban hành theo Thông tư 01/2020/TT-VPCP", sub, last);
        ReportWorkbook.title(sheet, 2, "Đơn vị báo cáo: " + r.unit().name() + " — Đơn vị nhận báo cáo: UBND tỉnh (qua Sở Nội vụ)",
                sub, last);
        ReportWorkbook.title(sheet, 3, "Kỳ báo cáo: từ ngày " + DAY.format(r.from()) + " đến ngày " + DAY.format(r.to())
                + " — Đơn vị tính: " + unitOfCount(r), sub, last);
        CellStyle head = ReportWorkbook.headerStyle(wb, ReportWorkbook.bold(wb));
        Row groups = sheet.createRow(4);
        Row labels = sheet.createRow(5);
        for (int c = 0; c <= last; c++) {
            Report.Column col = r.columns().get(c);
            ReportWorkbook.header(groups, c, col.group().isEmpty() ? col.label() : col.group(), head);
            ReportWorkbook.header(labels, c, col.label(), head);
        }
        // merge each group's cells across its columns, and the ungrouped ones down both header rows
        int c = 0;
        while (c <= last) {
            String g = r.columns().get(c).group();
            int end = c;
            while (end + 1 <= last && !g.isEmpty() && g.equals(r.columns().get(end + 1).group())) {
                end++;
            }
            if (g.isEmpty()) {
                sheet.addMergedRegion(new CellRangeAddress(4, 5, c, c));
            } else if (end > c) {
                sheet.addMergedRegion(new CellRangeAddress(4, 4, c, end));
            }
            c = end + 1;
        }
        CellStyle text = ReportWorkbook.wrapped(wb);
        CellStyle centred = ReportWorkbook.centred(wb);
        CellStyle bold = ReportWorkbook.wrapped(wb);
        bold.setFont(ReportWorkbook.bold(wb));
        int row = FIRST_DATA_ROW;
        int n = 0;
        String section = null;
        for (Report.Line line : r.lines()) {
            if (!line.section().isEmpty() && !line.section().equals(section)) {
                section = line.section();
                Row s = sheet.createRow(row++);
                ReportWorkbook.string(s, 0, "", centred);
                ReportWorkbook.string(s, 1, section, bold);
                for (int k = 2; k <= last; k++) {
                    ReportWorkbook.string(s, k, "", centred);
                }
            }
            boolean total = line == r.lines().get(r.lines().size() - 1);
            Row x = sheet.createRow(row++);
            ReportWorkbook.string(x, 0, total ? "" : String.valueOf(++n), centred);
            ReportWorkbook.string(x, 1, line.label(), total ? bold : text);
            for (int k = 0; k < line.values().length && k + 2 <= last; k++) {
                ReportWorkbook.number(x, k + 2, line.values()[k], centred);
            }
        }
        Row sign = sheet.createRow(row + 1);
        ReportWorkbook.string(sign, 1, r.signedBy() == null ? "Chưa ký duyệt" : "Người ký: " + r.signedBy(), null);
        ReportWorkbook.fitColumns(sheet, last, 40, 30, 10);
        ReportWorkbook.printLandscapeA4(sheet);
    }

    /** What the form's numbers count: dossiers for 06a/06b, procedures and workflows for 07b. */
    static String unitOfCount(Report r) {
        return "07b".equals(r.form()) ? "Số TTHC, số quy trình" : "Số hồ sơ TTHC";
    }

    // --- PDF ------------------------------------------------------------------------------------

    private static final class Fonts {
        static final BaseFont REGULAR = load("DejaVuSans.ttf");
        static final BaseFont BOLD = load("DejaVuSans-Bold.ttf");

        private static BaseFont load(String file) {
            String path = "/fonts/" + file;
            try (InputStream in = ReportExporter.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("font " + path + " is not on the classpath");
                }
                return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
            } catch (IOException | DocumentException e) {
                throw new IllegalStateException("cannot load font " + path, e);
            }
        }
    }

    public byte[] pdf(Report r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.open();
        Font title = new Font(Fonts.BOLD, 12);
        Font small = new Font(Fonts.REGULAR, 8);
        Font smallBold = new Font(Fonts.BOLD, 8);
        Paragraph code = new Paragraph(r.formCode(), small);
        code.setAlignment(Element.ALIGN_RIGHT);
        doc.add(code);
        Paragraph t = new Paragraph(r.title(), title);
        t.setAlignment(Element.ALIGN_CENTER);
        doc.add(t);
        Paragraph p = new Paragraph("Kỳ báo cáo: từ ngày " + DAY.format(r.from()) + " đến ngày " + DAY.format(r.to())
                + "\nĐơn vị báo cáo: " + r.unit().name() + " — Đơn vị nhận báo cáo: UBND tỉnh (qua Sở Nội vụ)"
                + "\nĐơn vị tính: " + unitOfCount(r), new Font(Fonts.REGULAR, 9));
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(8);
        doc.add(p);

        int cols = r.columns().size();
        PdfPTable table = new PdfPTable(cols);
        table.setWidthPercentage(100);
        float[] widths = new float[cols];
        for (int i = 0; i < cols; i++) {
            widths[i] = i == 0 ? 3 : i == 1 ? 18 : 6;
        }
        table.setWidths(widths);
        int c = 0;
        while (c < cols) {
            String g = r.columns().get(c).group();
            int end = c;
            while (end + 1 < cols && !g.isEmpty() && g.equals(r.columns().get(end + 1).group())) {
                end++;
            }
            PdfPCell cell = cell(g.isEmpty() ? r.columns().get(c).label() : g, smallBold);
            cell.setColspan(end - c + 1);
            if (g.isEmpty()) {
                cell.setRowspan(2);
            }
            table.addCell(cell);
            c = end + 1;
        }
        for (Report.Column col : r.columns()) {
            if (!col.group().isEmpty()) {
                table.addCell(cell(col.label(), smallBold));
            }
        }
        int n = 0;
        String section = null;
        for (Report.Line line : r.lines()) {
            if (!line.section().isEmpty() && !line.section().equals(section)) {
                section = line.section();
                PdfPCell s = cell(section, smallBold);
                s.setColspan(cols);
                s.setHorizontalAlignment(Element.ALIGN_LEFT);
                table.addCell(s);
            }
            boolean total = line == r.lines().get(r.lines().size() - 1);
            table.addCell(cell(total ? "" : String.valueOf(++n), small));
            PdfPCell label = cell(line.label(), total ? smallBold : small);
            label.setHorizontalAlignment(Element.ALIGN_LEFT);
            table.addCell(label);
            for (int k = 0; k < cols - 2; k++) {
                table.addCell(cell(k < line.values().length ? String.valueOf(line.values()[k]) : "", total ? smallBold : small));
            }
        }
        doc.add(table);
        Report.Line total = r.total();
        if (total != null) {
            long[] v = total.values();
            if ("07b".equals(r.form())) {
                chart(writer, doc, "Thủ tục hành chính của tỉnh (tổng số)",
                        new String[]{"TTHC cấp tỉnh", "TTHC cấp xã", "Theo cơ chế một cửa", "Có quy trình nội bộ"},
                        new long[]{v[1], v[2], v[3], v[6]});
            } else {
                chart(writer, doc, "Kết quả giải quyết trong kỳ (tổng số hồ sơ)",
                        new String[]{"Trước hạn", "Đúng hạn", "Quá hạn", "Đang giải quyết trong hạn", "Đang giải quyết quá hạn"},
                        new long[]{v[5], v[6], v[7], v[9], v[10]});
            }
        }
        Paragraph sign = new Paragraph(r.signedBy() == null ? "Chưa ký duyệt" : "Người ký: " + r.signedBy(),
                new Font(Fonts.REGULAR, 9));
        sign.setAlignment(Element.ALIGN_RIGHT);
        doc.add(sign);
        doc.close();
        return out.toByteArray();
    }

    private static PdfPCell cell(String text, Font f) {
        PdfPCell c = new PdfPCell(new Phrase(text, f));
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setPadding(3);
        return c;
    }

    /**
     * A bar chart of figures of the total line (06a/06b: handled early, on time, late; pending within the
     * deadline and overdue; 07b: procedures by level, under the one-stop mechanism, with a workflow).
     */
    private static void chart(PdfWriter writer, Document doc, String heading, String[] labels, long[] values) {
        Color[] colors = {new Color(25, 135, 84), new Color(13, 110, 253), new Color(220, 53, 69), new Color(108, 117, 125),
            new Color(255, 193, 7)};
        long max = 1;
        for (long x : values) {
            max = Math.max(max, x);
        }
        float top = writer.getVerticalPosition(true) - 16;
        float height = 110;
        if (top - height < doc.bottom() + 20) {
            doc.newPage();
            top = doc.top() - 16;
        }
        PdfContentByte cb = writer.getDirectContent();
        float left = doc.left() + 20;
        float barWidth = 60;
        float gap = 70;
        cb.beginText();
        cb.setFontAndSize(Fonts.BOLD, 9);
        cb.showTextAligned(Element.ALIGN_LEFT, heading, left, top, 0);
        cb.endText();
        float base = top - height;
        for (int i = 0; i < values.length; i++) {
            float x = left + i * (barWidth + gap);
            float h = (height - 30) * values[i] / max;
            cb.setColorFill(colors[i]);
            cb.rectangle(x, base + 14, barWidth, h);
            cb.fill();
            cb.setColorFill(Color.BLACK);
            cb.beginText();
            cb.setFontAndSize(Fonts.REGULAR, 8);
            cb.showTextAligned(Element.ALIGN_CENTER, String.valueOf(values[i]), x + barWidth / 2, base + 16 + h, 0);
            cb.showTextAligned(Element.ALIGN_CENTER, labels[i], x + barWidth / 2, base + 2, 0);
            cb.endText();
        }
        Paragraph spacer = new Paragraph(" ");
        spacer.setSpacingBefore(height + 10);
        doc.add(spacer);
    }

    static List<String> headers(Report r) {
        return r.columns().stream().map(Report.Column::label).toList();
    }
}
