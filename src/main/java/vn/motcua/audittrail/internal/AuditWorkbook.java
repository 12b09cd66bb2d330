package vn.motcua.audittrail.internal;

import static vn.motcua.shared.ReportWorkbook.bold;
import static vn.motcua.shared.ReportWorkbook.boxed;
import static vn.motcua.shared.ReportWorkbook.centred;
import static vn.motcua.shared.ReportWorkbook.header;
import static vn.motcua.shared.ReportWorkbook.headerStyle;
import static vn.motcua.shared.ReportWorkbook.number;
import static vn.motcua.shared.ReportWorkbook.printLandscapeA4;
import static vn.motcua.shared.ReportWorkbook.string;
import static vn.motcua.shared.ReportWorkbook.subtitleStyle;
import static vn.motcua.shared.ReportWorkbook.title;
import static vn.motcua.shared.ReportWorkbook.titleStyle;
import static vn.motcua.shared.ReportWorkbook.wrapped;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audittrail.AuditRow;

/**
 * The trail as an XLSX workbook, in the province's report look
 * ({@link vn.motcua.shared.ReportWorkbook}) with Vietnamese headers. Written
 * as a stream (a few hundred rows in memory at a time), so a large export
 * does not need a large heap.
 */
@Component
public class AuditWorkbook {

    /** The columns, in Vietnamese (the exports are the province's records). */
    public static final List<String> HEADERS = List.of("STT", "Số thứ tự trong chuỗi", "Thời điểm", "Loại hành vi",
            "Người thực hiện", "Đơn vị", "Loại đối tượng", "Mã đối tượng", "Mã hồ sơ", "Thay đổi (cũ → mới)", "Lý do",
            "Chi tiết", "Địa chỉ truy cập", "Mã băm (SHA-256)");

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final int[] WIDTHS = {7, 10, 20, 28, 24, 30, 16, 28, 30, 40, 30, 50, 16, 66};

    /** The cells of one row after the number, as text (shared with the CSV export). */
    public static List<String> cells(AuditRow r) {
        List<String> c = new ArrayList<>();
        c.add(String.valueOf(r.seq()));
        c.add(r.at() == null ? "" : AT.format(r.at()));
        c.add(r.kind());
        c.add(r.actor());
        c.add(r.unitName() != null ? r.unitName() : r.unitId() == null ? "" : String.valueOf(r.unitId()));
        c.add(r.subjectType());
        c.add(r.subjectId());
        c.add(r.dossierCode());
        c.add(changes(r.changes()));
        c.add(r.reason());
        c.add(r.detail());
        c.add(r.address());
        c.add(r.hash());
        return c;
    }

    /** The changes as one line each: {@code field: old → new}. */
    public static String changes(List<AuditEntry.Change> changes) {
        if (changes == null || changes.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (AuditEntry.Change ch : changes) {
            lines.add(ch.field() + ": " + (ch.oldValue() == null ? "∅" : ch.oldValue()) + " → "
                    + (ch.newValue() == null ? "∅" : ch.newValue()));
        }
        return String.join("\n", lines);
    }

    /**
     * A workbook of the rows {@code rows} hands to its sink, under a title and
     * the filters; a last line says so when {@code max} rows were reached.
     */
    public byte[] xlsx(String filters, int max, Consumer<Consumer<AuditRow>> rows) {
        SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(), 200);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFWorkbook base = wb.getXSSFWorkbook();
            CellStyle head = headerStyle(base, bold(base));
            CellStyle text = boxed(base);
            CellStyle wrap = wrapped(base);
            CellStyle centre = centred(base);
            SXSSFSheet sh = wb.createSheet("Nhật ký");
            int last = HEADERS.size() - 1;
            title(sh, 0, "NHẬT KÝ HỆ THỐNG (AUDIT TRAIL)", titleStyle(base), last);
            title(sh, 1, "Điều kiện: " + filters, subtitleStyle(base), last);
            Row h = sh.createRow(3);
            for (int c = 0; c <= last; c++) {
                header(h, c, HEADERS.get(c), head);
                sh.setColumnWidth(c, WIDTHS[c] * 256);
            }
            sh.createFreezePane(0, 4);
            int[] r = {4};
            rows.accept(row -> {
                Row x = sh.createRow(r[0]);
                number(x, 0, r[0] - 3L, centre);
                List<String> cells = cells(row);
                for (int c = 0; c < cells.size(); c++) {
                    string(x, c + 1, cells.get(c), c == 8 || c == 10 ? wrap : text);
                }
                r[0]++;
            });
            if (r[0] - 4 >= max) {
                title(sh, r[0] + 1, "Chỉ xuất " + max + " dòng đầu; hãy thu hẹp điều kiện tìm kiếm để xuất phần còn lại.",
                        subtitleStyle(base), last);
            }
            printLandscapeA4(sh);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose();
            try {
                wb.close();
            } catch (IOException ignored) {
                // the bytes are written
            }
        }
    }
}
