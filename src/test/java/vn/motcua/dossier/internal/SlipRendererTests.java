package vn.motcua.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.UnitRef;

/**
 * The slips as real PDFs: each is opened with PDFBox, its text extracted and
 * checked for the Vietnamese names, the code, the title and the times; the
 * receipt's QR code is decoded back to the tracking address. Every slip is
 * also written to target/slips (PDF and a PNG of page 1) for a look by eye.
 */
class SlipRendererTests {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String CODE = "000.00.20.H40-260302-0007";
    static final String URL = "http://localhost:8080/public/tracking/" + CODE;
    static final Path OUT = Path.of("target", "slips");

    /** Slips 02, 04 and 06 are dated by the clock: Tuesday 10 March 2026, 08:00 in Hanoi. */
    static final SlipRenderer RENDERER = new SlipRenderer(Clock.fixed(Instant.parse("2026-03-10T01:00:00Z"), VN));

    static final Applicant HOA = new Applicant(ApplicantKind.PERSON, "Nguyễn Thị Hoà", "040123456789", null,
            "0912345678", "hoa.nguyen@example.vn", "Số 12 đường Lê Lợi, phường Trường Vinh, tỉnh Nghệ An");
    static final Applicant DUC = new Applicant(ApplicantKind.PERSON, "Trần Văn Đức", "001099012345", null,
            "0987654321", null, "Thôn Đông Hội, xã Đông Anh, thành phố Hà Nội");
    static final Applicant COMPANY = new Applicant(ApplicantKind.ORGANIZATION, "Công ty TNHH Thương mại Hưng Thịnh",
            null, "0101234567", "02438123456", "lienhe@hungthinh.vn", "Số 5 phố Tràng Tiền, phường Hoàn Kiếm, Hà Nội");

    static final UnitRef DESK = new UnitRef(10, "000.00.20.H40", "Trung tâm Phục vụ hành chính công tỉnh");
    static final UnitRef JUSTICE = new UnitRef(20, "000.00.21.H40", "Sở Tư pháp");

    /** Received Monday 2 March 2026 at 09:15:30 Hanoi time (given in UTC on purpose); due 9 March 16:30. */
    static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-03-02T02:15:30Z");
    static final OffsetDateTime APPOINTMENT = OffsetDateTime.parse("2026-03-09T16:30:00+07:00");
    static final OffsetDateTime NEW_APPOINTMENT = OffsetDateTime.parse("2026-03-12T10:00:00+07:00");

    static SlipContext ctx(String reason) {
        return new SlipContext(DESK.name(), "Ủy ban nhân dân tỉnh Nghệ An", "Lê Thị Thu Hương", URL, reason, 37, VN);
    }

    static DossierView dossier(Applicant a, String procedure, int status, OffsetDateTime appointment,
                               OffsetDateTime original, List<String> supplementItems, OffsetDateTime finishedAt) {
        return new DossierView(CODE, "2.000488", 1, procedure, "c1", "Trường hợp chung", "IN_PERSON", status, "X", a,
                List.of(new ComponentItem("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", 1, 0, null, 0),
                        new ComponentItem("Bản chụp Căn cước công dân", 0, 1, null, 1),
                        new ComponentItem("Giấy tờ chứng minh nơi cư trú", 1, 2, null, 0)),
                DESK, JUSTICE, null, List.of(), RECEIVED.minusMinutes(5), RECEIVED, appointment, original, finishedAt,
                null, false, null, supplementItems.isEmpty() ? 0 : 1, supplementItems, 0, 200_000, null, null, null,
                null, 3);
    }

    static DossierView received() {
        return dossier(HOA, "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", 2, APPOINTMENT, APPOINTMENT, List.of(), null);
    }

    @BeforeAll
    static void outDir() throws IOException {
        Files.createDirectories(OUT);
    }

    // --- 01 ----------------------------------------------------------------------------------

    @Test
    void receiptCarriesTheApplicantTheComponentsTheTimesAndTheQrCode() throws Exception {
        byte[] pdf = RENDERER.receipt(received(), ctx(null));
        String text = save("receipt", pdf);

        assertThat(text).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH",
                "Mã hồ sơ: " + CODE, "Nguyễn Thị Hoà", "phường Trường Vinh", "Số định danh cá nhân: 040123456789",
                "Số điện thoại: 0912345678", "hoa.nguyen@example.vn",
                "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "Bản chụp Căn cước công dân",
                "Giấy tờ chứng minh nơi cư trú", "Bản chính", "Bản sao", "200.000 đồng",
                // received at 02:15:30 UTC is 09:15:30 in the province
                "Thời gian nhận hồ sơ: 09:15:30, ngày 02/03/2026",
                "Thời gian hẹn trả kết quả giải quyết hồ sơ: 16:30:00, ngày 09/03/2026",
                "Trực tiếp tại Bộ phận Một cửa", "số thứ tự: 37", "ngày 02 tháng 3 năm 2026",
                "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Lê Thị Thu Hương", URL);
        // the component table: name, originals, copies in reading order
        assertThat(text).containsPattern("Giấy tờ chứng minh nơi cư trú\\s+1\\s+2");

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            List<PDImageXObject> images = images(doc.getPage(0));
            assertThat(images).hasSize(1);
            assertThat(decode(images.get(0).getImage())).isEqualTo(URL);
            // and as a reader would see the printed page
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150, ImageType.GRAY);
            assertThat(decode(page)).isEqualTo(URL);
        }
    }

    @Test
    void receiptOfAnOrganisationShowsItsTaxCode() throws Exception {
        DossierView d = dossier(COMPANY, "Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa", 2, APPOINTMENT,
                APPOINTMENT, List.of(), null);
        String text = save("receipt-organisation", RENDERER.receipt(d, ctx(null)));
        assertThat(text).contains("Tổ chức: Công ty TNHH Thương mại Hưng Thịnh", "Mã số thuế: 0101234567",
                "Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa");
    }

    @Test
    void fontsAreEmbeddedDejaVu() throws Exception {
        try (PDDocument doc = Loader.loadPDF(RENDERER.receipt(received(), ctx(null)))) {
            PDResources res = doc.getPage(0).getResources();
            List<String> names = new ArrayList<>();
            for (COSName n : res.getFontNames()) {
                PDFont f = res.getFont(n);
                assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                names.add(f.getName());
            }
            assertThat(names).anyMatch(n -> n.endsWith("DejaVuSans")).anyMatch(n -> n.endsWith("DejaVuSans-Bold"));
        }
    }

    // --- 02 ----------------------------------------------------------------------------------

    @Test
    void supplementRequestListsEveryItemAndTheReason() throws Exception {
        DossierView d = dossier(DUC, "Đăng ký khai sinh có yếu tố nước ngoài", 5, APPOINTMENT, APPOINTMENT,
                List.of("Bản sao Giấy chứng sinh có chứng thực", "Văn bản ủy quyền của cha hoặc mẹ",
                        "Giấy xác nhận tình trạng hôn nhân"), null);
        String text = save("supplement", RENDERER.supplementRequest(d, ctx("Hồ sơ thiếu giấy tờ theo quy định")));
        assertThat(text).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Trần Văn Đức", CODE,
                "Đăng ký khai sinh có yếu tố nước ngoài", "1. Bản sao Giấy chứng sinh có chứng thực",
                "2. Văn bản ủy quyền của cha hoặc mẹ", "3. Giấy xác nhận tình trạng hôn nhân",
                "Lý do: Hồ sơ thiếu giấy tờ theo quy định", "09:15:30, ngày 02/03/2026", "ngày 10 tháng 3 năm 2026",
                "NGƯỜI HƯỚNG DẪN", "Lê Thị Thu Hương");
    }

    // --- 03 ----------------------------------------------------------------------------------

    @Test
    void refusalStatesTheReason() throws Exception {
        OffsetDateTime refusedAt = OffsetDateTime.parse("2026-01-05T14:00:00+07:00");
        DossierView d = dossier(HOA, "Chứng thực bản sao từ bản chính giấy tờ, văn bản", 3, null, null, List.of(), refusedAt);
        String text = save("refusal", RENDERER.refusal(d,
                ctx("Thủ tục không thuộc thẩm quyền giải quyết của cơ quan tiếp nhận")));
        assertThat(text).contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Nguyễn Thị Hoà", CODE,
                "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
                "Thủ tục không thuộc thẩm quyền giải quyết của cơ quan tiếp nhận",
                // dated the day of the refusal; January keeps its leading zero
                "ngày 05 tháng 01 năm 2026", "NGƯỜI TIẾP NHẬN HỒ SƠ");
    }

    // --- 04 ----------------------------------------------------------------------------------

    @Test
    void apologyShowsTheOldAndTheNewAppointment() throws Exception {
        DossierView d = dossier(DUC, "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", 4, NEW_APPOINTMENT, APPOINTMENT,
                List.of(), null);
        String text = save("apology", RENDERER.apology(d, ctx("Cần xác minh thông tin tại cơ quan công an")));
        assertThat(text).contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Kính gửi: Ông/Bà Trần Văn Đức", CODE,
                "Thời gian hẹn trả kết quả giải quyết hồ sơ: 16:30:00, ngày 09/03/2026",
                "Lý do: Cần xác minh thông tin tại cơ quan công an",
                "Thời gian hẹn trả kết quả mới: 10:00:00, ngày 12/03/2026", "THỦ TRƯỞNG CƠ QUAN");
    }

    // --- 05 ----------------------------------------------------------------------------------

    @Test
    void stopNoticeStatesTheReason() throws Exception {
        OffsetDateTime stoppedAt = OffsetDateTime.parse("2026-03-06T10:20:00+07:00");
        DossierView d = dossier(HOA, "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", 8, APPOINTMENT, APPOINTMENT,
                List.of("Giấy tờ chứng minh nơi cư trú"), stoppedAt);
        String text = save("stop", RENDERER.stopNotice(d, ctx("Quá thời hạn mà công dân không bổ sung hồ sơ")));
        assertThat(text).contains("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "Kính gửi: Ông/Bà Nguyễn Thị Hoà", CODE,
                "Quá thời hạn mà công dân không bổ sung hồ sơ", "16:30:00, ngày 09/03/2026", "ngày 06 tháng 3 năm 2026");
    }

    // --- 06 ----------------------------------------------------------------------------------

    @Test
    void controlSlipHasOneRowPerHandOverWithItsResult() throws Exception {
        List<ControlRow> rows = List.of(
                new ControlRow(DESK.name(), "Phòng Hành chính tư pháp - Sở Tư pháp",
                        OffsetDateTime.parse("2026-03-02T03:30:00Z"), "Lê Thị Thu Hương", "Phạm Quốc Việt",
                        OffsetDateTime.parse("2026-03-02T11:30:00+07:00"), "ON_TIME"),
                new ControlRow("Phòng Hành chính tư pháp - Sở Tư pháp", "Lãnh đạo Sở Tư pháp",
                        OffsetDateTime.parse("2026-03-05T09:00:00+07:00"), "Phạm Quốc Việt", "Đỗ Thị Ngọc Ánh",
                        OffsetDateTime.parse("2026-03-06T16:30:00+07:00"), "EARLY"),
                new ControlRow("Lãnh đạo Sở Tư pháp", DESK.name(), OffsetDateTime.parse("2026-03-10T08:05:00+07:00"),
                        "Đỗ Thị Ngọc Ánh", "Lê Thị Thu Hương", OffsetDateTime.parse("2026-03-09T16:30:00+07:00"), "LATE"));
        DossierView d = received();
        String text = save("control", RENDERER.controlSlip(d, rows, ctx(null)));
        assertThat(text).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Nguyễn Thị Hoà", CODE,
                "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "16:30:00, ngày 09/03/2026",
                "Phạm Quốc Việt", "Đỗ Thị Ngọc Ánh", "Trước hạn", "Đúng hạn", "Quá hạn",
                "Giao: Phòng Hành chính tư pháp - Sở Tư pháp", "Nhận: Lãnh đạo Sở Tư pháp",
                // 03:30 UTC is 10:30 in the province
                "10:30:00, ngày 02/03/2026");
        // the rows in order, each with its result
        assertThat(text.indexOf("Đúng hạn")).isLessThan(text.indexOf("Trước hạn"));
        assertThat(text.indexOf("Trước hạn")).isLessThan(text.lastIndexOf("Quá hạn"));
    }

    @Test
    void controlSlipWithoutHandOversSaysSo() throws Exception {
        String text = text(RENDERER.controlSlip(received(), List.of(), ctx(null)));
        assertThat(text).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Chưa có lần giao, nhận hồ sơ nào.");
    }

    @Test
    void missingValuesPrintAsDashesAndTheZoneDefaultsToTheProvince() throws Exception {
        Applicant bare = new Applicant(ApplicantKind.PERSON, "Trần Văn Đức", null, null, null, null, null);
        DossierView d = dossier(bare, "Đăng ký thường trú", 2, APPOINTMENT, APPOINTMENT, List.of(), null);
        String text = text(RENDERER.receipt(d, new SlipContext("Bộ phận Một cửa xã Đông Anh", null, null, null, null,
                null, null)));
        assertThat(text).contains("Trần Văn Đức", "Địa chỉ: —", "Email: —", "09:15:30, ngày 02/03/2026",
                "số thứ tự: —");
    }

    @Test
    void timingLabels() {
        assertThat(SlipRenderer.timingLabel("EARLY")).isEqualTo("Trước hạn");
        assertThat(SlipRenderer.timingLabel("ON_TIME")).isEqualTo("Đúng hạn");
        assertThat(SlipRenderer.timingLabel("LATE")).isEqualTo("Quá hạn");
        assertThat(SlipRenderer.timingLabel(null)).isEmpty();
        assertThat(SlipRenderer.money(1_250_000)).isEqualTo("1.250.000 đồng");
    }

    // --- helpers -----------------------------------------------------------------------------

    /** Writes the PDF and a 60-dpi PNG of its first page to target/slips; returns the text. */
    static String save(String name, byte[] pdf) throws IOException {
        Files.write(OUT.resolve(name + ".pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 60, ImageType.RGB), "png",
                    OUT.resolve(name + ".png").toFile());
        }
        return text(pdf);
    }

    /** The extracted text with runs of white space as one space. */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    static List<PDImageXObject> images(PDPage page) throws IOException {
        List<PDImageXObject> out = new ArrayList<>();
        PDResources res = page.getResources();
        for (COSName n : res.getXObjectNames()) {
            PDXObject x = res.getXObject(n);
            if (x instanceof PDImageXObject img) {
                out.add(img);
            }
        }
        return out;
    }

    static String decode(BufferedImage image) throws NotFoundException {
        Result r = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new ImageLuminance(image))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        return r.getText();
    }

    /** ZXing's luminance source over an AWT image (the javase artifact's one, written here). */
    static final class ImageLuminance extends LuminanceSource {
        private final byte[] lum;

        ImageLuminance(BufferedImage img) {
            super(img.getWidth(), img.getHeight());
            int w = img.getWidth();
            int h = img.getHeight();
            int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
            lum = new byte[w * h];
            for (int i = 0; i < argb.length; i++) {
                int p = argb[i];
                int a = p >>> 24;
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                int y = (r * 306 + g * 601 + b * 117) >> 10;
                // transparent counts as white paper
                lum[i] = (byte) (a == 0 ? 255 : (y * a + 255 * (255 - a)) / 255);
            }
        }

        @Override
        public byte[] getRow(int y, byte[] row) {
            int w = getWidth();
            byte[] out = row == null || row.length < w ? new byte[w] : row;
            System.arraycopy(lum, y * w, out, 0, w);
            return out;
        }

        @Override
        public byte[] getMatrix() {
            return lum;
        }
    }
}
