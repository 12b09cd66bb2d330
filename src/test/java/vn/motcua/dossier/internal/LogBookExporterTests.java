package vn.motcua.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.dossier.UnitRef;

/** Form 07 as XLSX, read back with POI: title, frozen header, one row per dossier, real dates, Vietnamese text. */
class LogBookExporterTests {

    static final UnitRef JUSTICE = new UnitRef(20, "000.00.21.H40", "Sở Tư pháp");
    static final UnitRef DESK = new UnitRef(10, "000.00.20.H40", "Trung tâm Phục vụ hành chính công tỉnh");

    static List<DossierSummary> rows() {
        return List.of(
                new DossierSummary("000.00.20.H40-260302-0001", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
                        "Nguyễn Thị Hoà", 4, "PROCESSING", JUSTICE, "Thẩm định",
                        OffsetDateTime.parse("2026-03-02T02:15:30Z"), OffsetDateTime.parse("2026-03-09T16:30:00+07:00"),
                        OffsetDateTime.parse("2026-03-06T16:30:00+07:00"), false, 0, 0),
                new DossierSummary("000.00.20.H40-260302-0002", "Đăng ký khai sinh có yếu tố nước ngoài",
                        "Trần Văn Đức", 10, "RETURNED", DESK, "Trả kết quả",
                        OffsetDateTime.parse("2026-03-02T10:00:00+07:00"), OffsetDateTime.parse("2026-03-04T10:00:00+07:00"),
                        null, true, 1, 1),
                new DossierSummary("000.00.20.H40-260303-0001", "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
                        "Lê Minh Châu", 3, "REFUSED", DESK, null,
                        null, null, null, false, 0, 0),
                new DossierSummary("000.00.20.H40-260303-0002", "Đăng ký khai sinh có yếu tố nước ngoài",
                        "Phạm Thị Ngọc Ánh", 5, "WAITING_SUPPLEMENT", JUSTICE, "Thẩm định",
                        OffsetDateTime.parse("2026-03-03T08:00:00+07:00"), OffsetDateTime.parse("2026-03-13T08:00:00+07:00"),
                        OffsetDateTime.parse("2026-03-10T08:00:00+07:00"), false, 0, 1));
    }

    @Test
    void logBookHasTitleHeaderAndOneRowPerDossier() throws IOException {
        byte[] xlsx = new LogBookExporter().xlsx("Trung tâm Phục vụ hành chính công tỉnh Nghệ An",
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), rows());
        Files.createDirectories(Path.of("target", "slips"));
        Files.write(Path.of("target", "slips", "logbook.xlsx"), xlsx);

        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sh = wb.getSheetAt(0);
            assertThat(sh.getSheetName()).isEqualTo("Sổ theo dõi hồ sơ");
            assertThat(string(sh, 0, 0)).isEqualTo("SỔ THEO DÕI HỒ SƠ");
            assertThat(string(sh, 1, 0)).isEqualTo("Đơn vị: Trung tâm Phục vụ hành chính công tỉnh Nghệ An");
            assertThat(string(sh, 2, 0)).isEqualTo("Từ ngày 01/03/2026 đến ngày 31/03/2026");

            int h = LogBookExporter.HEADER_ROW;
            List<String> header = new ArrayList<>();
            sh.getRow(h).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Người nộp",
                    "Cơ quan đang giải quyết", "Ngày nhận", "Hẹn trả", "Trạng thái", "Quá hạn / Trong hạn", "Ghi chú");

            PaneInformation pane = sh.getPaneInformation();
            assertThat(pane).isNotNull();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat((int) pane.getHorizontalSplitPosition()).isEqualTo(h + 1);

            // row 1: in processing, on time; the received time is a real date in province time
            Row r1 = sh.getRow(h + 1);
            assertThat(r1.getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(r1.getCell(1).getStringCellValue()).isEqualTo("000.00.20.H40-260302-0001");
            assertThat(r1.getCell(2).getStringCellValue()).isEqualTo("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam");
            assertThat(r1.getCell(3).getStringCellValue()).isEqualTo("Nguyễn Thị Hoà");
            assertThat(r1.getCell(4).getStringCellValue()).isEqualTo("Sở Tư pháp");
            Cell received = r1.getCell(5);
            assertThat(received.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(received)).isTrue();
            assertThat(received.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 3, 2, 9, 15, 30));
            assertThat(r1.getCell(6).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 3, 9, 16, 30));
            assertThat(r1.getCell(7).getStringCellValue()).isEqualTo("Đang xử lý");
            assertThat(r1.getCell(8).getStringCellValue()).isEqualTo("Trong hạn");
            assertThat(r1.getCell(9).getStringCellValue()).isEqualTo("Bước: Thẩm định");

            // row 2: returned late after one supplement and one apology
            Row r2 = sh.getRow(h + 2);
            assertThat(r2.getCell(3).getStringCellValue()).isEqualTo("Trần Văn Đức");
            assertThat(r2.getCell(7).getStringCellValue()).isEqualTo("Đã trả kết quả");
            assertThat(r2.getCell(8).getStringCellValue()).isEqualTo("Quá hạn");
            assertThat(r2.getCell(9).getStringCellValue()).isEqualTo("Yêu cầu bổ sung: 1 lần; Xin lỗi, hẹn lại: 1 lần");

            // row 3: refused, no dates, no deadline judgement
            Row r3 = sh.getRow(h + 3);
            assertThat(r3.getCell(7).getStringCellValue()).isEqualTo("Không được tiếp nhận");
            assertThat(r3.getCell(5).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(r3.getCell(8).getStringCellValue()).isEmpty();

            Row r4 = sh.getRow(h + 4);
            assertThat(r4.getCell(0).getNumericCellValue()).isEqualTo(4);
            assertThat(r4.getCell(7).getStringCellValue()).isEqualTo("Yêu cầu bổ sung giấy tờ");

            assertThat(string(sh, h + 6, 0)).isEqualTo("Tổng số: 4 hồ sơ");
            // autosized: the procedure column is wider than the STT column, and capped
            assertThat(sh.getColumnWidth(2)).isGreaterThan(sh.getColumnWidth(0)).isLessThanOrEqualTo(48 * 256);
        }
    }

    @Test
    void everyStatusHasItsVietnameseLabel() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).stream().map(LogBookExporter::statusLabel).toList())
                .containsExactly("Mới đăng ký", "Được tiếp nhận", "Không được tiếp nhận", "Đang xử lý",
                        "Yêu cầu bổ sung giấy tờ", "Yêu cầu thực hiện nghĩa vụ tài chính", "Công dân yêu cầu rút hồ sơ",
                        "Dừng xử lý", "Đã xử lý xong", "Đã trả kết quả");
    }

    @Test
    void anEmptyPeriodStillHasTheHeader() throws IOException {
        byte[] xlsx = new LogBookExporter().xlsx("Bộ phận Một cửa xã Đông Anh", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31), List.of());
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sh = wb.getSheetAt(0);
            assertThat(string(sh, 1, 0)).isEqualTo("Đơn vị: Bộ phận Một cửa xã Đông Anh");
            assertThat(string(sh, LogBookExporter.HEADER_ROW, 1)).isEqualTo("Mã hồ sơ");
            assertThat(string(sh, LogBookExporter.HEADER_ROW + 2, 0)).isEqualTo("Tổng số: 0 hồ sơ");
        }
    }

    static String string(Sheet sh, int row, int col) {
        return sh.getRow(row).getCell(col).getStringCellValue();
    }
}
