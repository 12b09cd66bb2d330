package vn.motcua.dossier.internal;

import static vn.motcua.shared.ReportWorkbook.boxed;
import static vn.motcua.shared.ReportWorkbook.fitColumns;
import static vn.motcua.shared.ReportWorkbook.header;
import static vn.motcua.shared.ReportWorkbook.number;
import static vn.motcua.shared.ReportWorkbook.printLandscapeA4;
import static vn.motcua.shared.ReportWorkbook.string;
import static vn.motcua.shared.ReportWorkbook.title;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.CalendarService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.shared.ReportWorkbook;

/**
 * Form 07, the dossier log book (Sổ theo dõi hồ sơ), as an XLSX workbook: a
 * title with the unit and the period, a frozen header row, one row per dossier
 * with real Excel date-times (province time), the status in Vietnamese and a
 * total line. Stateless and thread-safe.
 */
@Component
public class LogBookExporter {

    /** The columns, in order. */
    public static final List<String> HEADERS = List.of("STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Người nộp",
            "Cơ quan đang giải quyết", "Ngày nhận", "Hẹn trả", "Trạng thái", "Quá hạn / Trong hạn", "Ghi chú");

    /** Row index (0-based) of the header; the data starts right below it. */
    public static final int HEADER_ROW = 4;

    private static final ZoneId ZONE = CalendarService.ZONE;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] STATUS = {
        null,
        "Mới đăng ký",
        "Được tiếp nhận",
        "Không được tiếp nhận",
        "Đang xử lý",
        "Yêu cầu bổ sung giấy tờ",
        "Yêu cầu thực hiện nghĩa vụ tài chính",
        "Công dân yêu cầu rút hồ sơ",
        "Dừng xử lý",
        "Đã xử lý xong",
        "Đã trả kết quả",
    };
    /** Widest a text column may grow, in characters; longer text wraps. */
    private static final int MAX_CHARS = 48;

    /** The national status label of code 1–10, e.g. 4 → "Đang xử lý". */
    public static String statusLabel(int code) {
        return code >= 1 && code < STATUS.length ? STATUS[code] : String.valueOf(code);
    }

    public byte[] xlsx(String unitName, LocalDate from, LocalDate to, List<DossierSummary> rows) {
        List<DossierSummary> list = rows == null ? List.of() : rows;
        return ReportWorkbook.bytes(wb -> {
            Styles s = new Styles(wb);
            Sheet sh = wb.createSheet("Sổ theo dõi hồ sơ");
            int last = HEADERS.size() - 1;

            title(sh, 0, "SỔ THEO DÕI HỒ SƠ", s.title, last);
            title(sh, 1, "Đơn vị: " + text(unitName), s.subtitle, last);
            title(sh, 2, "Từ ngày " + (from == null ? "—" : DAY.format(from)) + " đến ngày "
                    + (to == null ? "—" : DAY.format(to)), s.subtitle, last);

            Row head = sh.createRow(HEADER_ROW);
            head.setHeightInPoints(30);
            for (int c = 0; c < HEADERS.size(); c++) {
                header(head, c, HEADERS.get(c), s.header);
            }

            int r = HEADER_ROW + 1;
            int n = 1;
            for (DossierSummary d : list) {
                Row row = sh.createRow(r++);
                number(row, 0, n++, s.center);
                string(row, 1, d.code(), s.text);
                string(row, 2, d.procedureName(), s.wrap);
                string(row, 3, d.applicantName(), s.wrap);
                string(row, 4, d.handlingUnit() == null ? null : d.handlingUnit().name(), s.wrap);
                date(row, 5, d.receivedAt(), s);
                date(row, 6, d.appointmentAt(), s);
                string(row, 7, statusLabel(d.statusCode()), s.text);
                string(row, 8, deadline(d), s.center);
                string(row, 9, note(d), s.wrap);
            }
            Row total = sh.createRow(r + 1);
            Cell tc = total.createCell(0);
            tc.setCellValue("Tổng số: " + list.size() + " hồ sơ");
            tc.setCellStyle(s.bold);

            fitColumns(sh, last, MAX_CHARS, 6, 6);
            sh.createFreezePane(0, HEADER_ROW + 1);
            if (!list.isEmpty()) {
                sh.setAutoFilter(new CellRangeAddress(HEADER_ROW, HEADER_ROW + list.size(), 0, last));
            }
            sh.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
            printLandscapeA4(sh);
        });
    }

    /** Overdue is what the list computed (end or now after the appointment); not judged before receipt or once refused/withdrawn. */
    private static String deadline(DossierSummary d) {
        DossierStatus status = DossierStatus.of(d.statusCode());
        if (d.appointmentAt() == null || status == DossierStatus.REFUSED || status == DossierStatus.WITHDRAWN) {
            return "";
        }
        return d.overdue() ? "Quá hạn" : "Trong hạn";
    }

    private static String note(DossierSummary d) {
        List<String> parts = new ArrayList<>();
        boolean open = DossierStatus.of(d.statusCode()).open();
        if (open && d.stepName() != null) {
            parts.add("Bước: " + nfc(d.stepName()));
        }
        if (d.supplementRequests() > 0) {
            parts.add("Yêu cầu bổ sung: " + d.supplementRequests() + " lần");
        }
        if (d.apologies() > 0) {
            parts.add("Xin lỗi, hẹn lại: " + d.apologies() + " lần");
        }
        return String.join("; ", parts);
    }

    private static void date(Row row, int c, OffsetDateTime t, Styles s) {
        Cell cell = row.createCell(c);
        if (t != null) {
            cell.setCellValue(t.atZoneSameInstant(ZONE).toLocalDateTime());
        }
        cell.setCellStyle(s.dateTime);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? "—" : nfc(s.strip());
    }

    private static String nfc(String s) {
        return Normalizer.normalize(Objects.requireNonNull(s), Normalizer.Form.NFC);
    }

    /** The workbook's cell styles, made once per workbook. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle subtitle;
        final CellStyle header;
        final CellStyle text;
        final CellStyle wrap;
        final CellStyle center;
        final CellStyle dateTime;
        final CellStyle bold;

        Styles(XSSFWorkbook wb) {
            XSSFFont strong = ReportWorkbook.bold(wb);
            title = ReportWorkbook.titleStyle(wb);
            subtitle = ReportWorkbook.subtitleStyle(wb);
            bold = wb.createCellStyle();
            bold.setFont(strong);
            header = ReportWorkbook.headerStyle(wb, strong);

            text = boxed(wb);
            wrap = ReportWorkbook.wrapped(wb);
            center = ReportWorkbook.centred(wb);
            dateTime = boxed(wb);
            dateTime.setAlignment(HorizontalAlignment.CENTER);
            dateTime.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
        }

    }
}
