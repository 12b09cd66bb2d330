package vn.motcua.dossier.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.CalendarService;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierView;

/**
 * The national one-stop forms (Circular 03/2025/TT-VPCP, Annex I) as PDF:
 * 01 receipt and appointment, 02 request to supplement, 03 refusal,
 * 04 apology with the new appointment, 05 stop notice and 06 process control
 * slip. Text is set in DejaVu Sans, embedded (subset, Identity-H), so every
 * Vietnamese letter prints and can be copied or searched; times are printed in
 * the province's zone as {@code HH:mm:ss, ngày dd/MM/yyyy}. Stateless and
 * thread-safe; the fonts are loaded once per class loader.
 *
 * <p>Why one class of some 600 lines: the six forms share the page, the
 * fonts, the heading block (national motto, unit, form number) and the
 * signature block; each form is one method of about 50 lines. Split per form,
 * each file would repeat or import the same dozen drawing helpers.
 * thread-safe; the fonts are loaded once per class loader.
 */
@Component
public class SlipRenderer {

    public static final String TITLE_RECEIPT = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ";
    public static final String TITLE_SUPPLEMENT = "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ";
    public static final String TITLE_REFUSAL = "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ";
    public static final String TITLE_APOLOGY = "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ";
    public static final String TITLE_STOP = "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ";
    public static final String TITLE_CONTROL = "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ";

    /** How slips print a time: {@code 09:15:30, ngày 02/03/2026}. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm:ss', ngày 'dd/MM/yyyy");

    private static final ZoneId DEFAULT_ZONE = CalendarService.ZONE;
    private static final Locale VI = Locale.forLanguageTag("vi-VN");
    private static final String DASH = "—";
    private static final Color HEADER_FILL = new Color(0xE8, 0xE8, 0xE8);
    private static final Map<ApplicantKind, String> ID_LABEL = new EnumMap<>(Map.of(
            ApplicantKind.PERSON, "Số định danh cá nhân",
            ApplicantKind.ORGANIZATION, "Mã số thuế"));

    private final Clock clock;

    /** @param clock gives the date printed on slips whose act time the view does not carry (02, 04, 06) */
    public SlipRenderer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // --- the forms ---------------------------------------------------------------------------

    /** Form 01: receipt and appointment, with the QR code of {@code ctx.trackingUrl()}. */
    public byte[] receipt(DossierView d, SlipContext ctx) {
        return render(d, ctx, "01", TITLE_RECEIPT, d.receivedAt(), (doc, p) -> {
            PdfPTable top = table(new float[] {7.2f, 2.8f});
            PdfPCell left = cell();
            left.addElement(para(p.bold(12), Element.ALIGN_LEFT, "Mã hồ sơ: ", d.code()));
            if (!blank(ctx.trackingUrl())) {
                left.addElement(line(p, "Tra cứu tình trạng hồ sơ tại: ", ctx.trackingUrl(), p.regular(9)));
            }
            left.addElement(line(p, "Người tiếp nhận: ", ctx.officerName(), p.regular(10)));
            left.setVerticalAlignment(Element.ALIGN_MIDDLE);
            top.addCell(left);
            PdfPCell right = cell();
            if (!blank(ctx.trackingUrl())) {
                Image qr = Image.getInstance(qrPng(ctx.trackingUrl()));
                qr.scaleAbsolute(78, 78);
                qr.setAlignment(Element.ALIGN_CENTER);
                right.addElement(qr);
                right.addElement(para(p.italic(8), Element.ALIGN_CENTER, "Quét mã để tra cứu"));
            }
            top.addCell(right);
            top.setSpacingAfter(6);
            doc.add(top);

            doc.add(para(p.regular(11), Element.ALIGN_LEFT, text(ctx.unitName()) + " tiếp nhận hồ sơ của:"));
            applicantLines(doc, p, d.applicant(), true);
            doc.add(line(p, "Nội dung yêu cầu giải quyết: ", d.procedureName()));
            if (!blank(d.caseName())) {
                doc.add(line(p, "Trường hợp: ", d.caseName()));
            }
            doc.add(para(p.regular(11), Element.ALIGN_LEFT, "1. Thành phần hồ sơ nộp gồm:"));
            doc.add(componentTable(p, d.components()));
            doc.add(line(p, "2. Số lượng hồ sơ: ", "01 (bộ)"));
            doc.add(line(p, "3. Phí, lệ phí: ", money(d.feeVnd())));
            doc.add(line(p, "4. Thời gian nhận hồ sơ: ", at(d.receivedAt(), p.zone)));
            doc.add(boldLine(p, "5. Thời gian hẹn trả kết quả giải quyết hồ sơ: ", at(d.appointmentAt(), p.zone)));
            doc.add(line(p, "6. Đăng ký nhận kết quả tại: ", returnChannel(d.returnChannel(), ctx.unitName())));
            doc.add(line(p, "Vào Sổ theo dõi hồ sơ, số thứ tự: ",
                    ctx.logBookNumber() == null ? DASH : String.valueOf(ctx.logBookNumber())));
            signatures(doc, p, "NGƯỜI NỘP HỒ SƠ", name(d), "NGƯỜI TIẾP NHẬN HỒ SƠ", ctx.officerName());
        });
    }

    /** Form 02: the one written request to supplement, listing every missing item and the reason. */
    public byte[] supplementRequest(DossierView d, SlipContext ctx) {
        return render(d, ctx, "02", TITLE_SUPPLEMENT, null, (doc, p) -> {
            doc.add(codeLine(p, d));
            doc.add(line(p, "Hồ sơ của: ", name(d), p.bold(11)));
            applicantLines(doc, p, d.applicant(), false);
            doc.add(line(p, "Nội dung yêu cầu giải quyết: ", d.procedureName()));
            doc.add(line(p, "Thời gian nhận hồ sơ: ", at(d.receivedAt(), p.zone)));
            doc.add(para(p.regular(11), Element.ALIGN_LEFT, "Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"));
            List<String> items = d.supplementItems() == null ? List.of() : d.supplementItems();
            if (items.isEmpty()) {
                doc.add(indented(p, DASH));
            }
            int i = 1;
            for (String item : items) {
                doc.add(indented(p, (i++) + ". " + text(item)));
            }
            doc.add(line(p, "Lý do: ", ctx.reason()));
            doc.add(para(p.regular(11), Element.ALIGN_JUSTIFIED, "Thời gian chờ bổ sung, hoàn thiện hồ sơ không tính vào "
                    + "thời hạn giải quyết. Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ "
                    + text(ctx.officerName()) + ", " + text(ctx.unitName()) + " để được hướng dẫn."));
            signatures(doc, p, null, null, "NGƯỜI HƯỚNG DẪN", ctx.officerName());
        });
    }

    /** Form 03: refusal at intake, with the reason. */
    public byte[] refusal(DossierView d, SlipContext ctx) {
        return render(d, ctx, "03", TITLE_REFUSAL, d.finishedAt(), (doc, p) -> {
            doc.add(codeLine(p, d));
            doc.add(para(p.regular(11), Element.ALIGN_LEFT, text(ctx.unitName()) + " tiếp nhận hồ sơ của:"));
            applicantLines(doc, p, d.applicant(), true);
            doc.add(line(p, "Nội dung yêu cầu giải quyết: ", d.procedureName()));
            doc.add(para(p.regular(11), Element.ALIGN_JUSTIFIED, "Sau khi xem xét hồ sơ, " + text(ctx.unitName())
                    + " thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:"));
            doc.add(indented(p, text(ctx.reason())));
            doc.add(para(p.regular(11), Element.ALIGN_LEFT, "Xin thông báo để Ông/Bà được biết và thực hiện./."));
            signatures(doc, p, null, null, "NGƯỜI TIẾP NHẬN HỒ SƠ", ctx.officerName());
        });
    }

    /** Form 04: apology, with the original appointment, the reason and the new appointment. */
    public byte[] apology(DossierView d, SlipContext ctx) {
        return render(d, ctx, "04", TITLE_APOLOGY, null, (doc, p) -> {
            doc.add(para(p.bold(11), Element.ALIGN_CENTER, "Kính gửi: " + address(d) + " " + name(d)));
            doc.add(codeLine(p, d));
            doc.add(para(p.regular(11), Element.ALIGN_JUSTIFIED, "Ngày " + date(d.receivedAt(), p.zone) + ", "
                    + text(ctx.unitName()) + " tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính: "
                    + text(d.procedureName()) + "."));
            doc.add(line(p, "Thời gian hẹn trả kết quả giải quyết hồ sơ: ", at(d.originalAppointmentAt(), p.zone)));
            doc.add(para(p.regular(11), Element.ALIGN_JUSTIFIED, "Tuy nhiên đến nay, " + text(ctx.unitName())
                    + " chưa thể trả kết quả giải quyết hồ sơ đúng hẹn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả."));
            doc.add(line(p, "Lý do: ", ctx.reason()));
            doc.add(para(p.regular(11), Element.ALIGN_JUSTIFIED, "Sự chậm trễ này đã gây phiền hà, tốn kém thời gian, "
                    + "công sức của " + address(d) + ". " + text(ctx.unitName()) + " xin lỗi " + address(d)
                    + " và hẹn trả kết quả giải quyết hồ sơ vào:"));
            doc.add(boldLine(p, "Thời gian hẹn trả kết quả mới: ", at(d.appointmentAt(), p.zone)));
            doc.add(para(p.regular(11), Element.ALIGN_LEFT, "Xin trân trọng cảm ơn sự hợp tác của " + address(d) + "./."));
            signatures(doc, p, null, null, "THỦ TRƯỞNG CƠ QUAN", ctx.officerName());
        });
    }

    /** Form 05: notice that processing of the dossier stops, with the reason. */
    public byte[] stopNotice(DossierView d, SlipContext ctx) {
        return render(d, ctx, "05", TITLE_STOP, d.finishedAt(), (doc, p) -> {
            doc.add(para(p.bold(11), Element.ALIGN_CENTER, "Kính gửi: " + address(d) + " " + name(d)));
            doc.add(codeLine(p, d));
            doc.add(line(p, "Nội dung yêu cầu giải quyết: ", d.procedureName()));
            doc.add(line(p, "Thời gian nhận hồ sơ: ", at(d.receivedAt(), p.zone)));
            doc.add(line(p, "Thời gian hẹn trả kết quả: ", at(d.appointmentAt(), p.zone)));
            doc.add(para(p.regular(11), Element.ALIGN_JUSTIFIED, text(ctx.unitName())
                    + " thông báo dừng giải quyết hồ sơ nêu trên với lý do cụ thể như sau:"));
            doc.add(indented(p, text(ctx.reason())));
            doc.add(para(p.regular(11), Element.ALIGN_LEFT, "Xin thông báo để " + address(d) + " được biết./."));
            signatures(doc, p, null, null, "THỦ TRƯỞNG CƠ QUAN", ctx.officerName());
        });
    }

    /** Form 06: one table row per hand-over, with the step's result early / on time / late. */
    public byte[] controlSlip(DossierView d, List<ControlRow> rows, SlipContext ctx) {
        return render(d, ctx, "06", TITLE_CONTROL, null, (doc, p) -> {
            doc.add(codeLine(p, d));
            doc.add(para(p.italic(10), Element.ALIGN_CENTER,
                    "(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả mã số " + text(d.code()) + ")"));
            doc.add(line(p, "Người nộp hồ sơ: ", name(d)));
            doc.add(line(p, "Nội dung yêu cầu giải quyết: ", d.procedureName()));
            doc.add(line(p, "Thời gian nhận hồ sơ: ", at(d.receivedAt(), p.zone)));
            doc.add(line(p, "Thời gian hẹn trả kết quả: ", at(d.appointmentAt(), p.zone)));
            doc.add(line(p, "Cơ quan (bộ phận) giải quyết hồ sơ: ",
                    d.handlingUnit() == null ? null : d.handlingUnit().name()));

            PdfPTable t = table(new float[] {0.75f, 2.75f, 1.9f, 1.6f, 1.6f, 1.9f, 1.6f});
            t.setSpacingBefore(8);
            t.setHeaderRows(1);
            Font h = p.bold(8.5f);
            for (String head : List.of("STT", "Tên cơ quan", "Thời gian giao, nhận hồ sơ", "Người giao",
                    "Người nhận", "Hạn xử lý", "Kết quả (trước hạn, đúng hạn, quá hạn)")) {
                t.addCell(headerCell(head, h));
            }
            Font f = p.regular(8.5f);
            int i = 1;
            for (ControlRow r : rows == null ? List.<ControlRow>of() : rows) {
                t.addCell(boxed(String.valueOf(i++), f, Element.ALIGN_CENTER));
                PdfPCell units = boxed(null, f, Element.ALIGN_LEFT);
                units.addElement(new Paragraph("Giao: " + text(r.fromUnit()), f));
                units.addElement(new Paragraph("Nhận: " + text(r.toUnit()), f));
                t.addCell(units);
                t.addCell(boxed(at(r.handedAt(), p.zone), f, Element.ALIGN_CENTER));
                t.addCell(boxed(text(r.deliverer()), f, Element.ALIGN_LEFT));
                t.addCell(boxed(text(r.receiver()), f, Element.ALIGN_LEFT));
                t.addCell(boxed(at(r.dueAt(), p.zone), f, Element.ALIGN_CENTER));
                t.addCell(boxed(timingLabel(r.timing()), p.bold(8.5f), Element.ALIGN_CENTER));
            }
            if (i == 1) {
                PdfPCell none = boxed("Chưa có lần giao, nhận hồ sơ nào.", p.italic(8.5f), Element.ALIGN_CENTER);
                none.setColspan(7);
                t.addCell(none);
            }
            doc.add(t);
        });
    }

    /** The Vietnamese result label of a step timing: EARLY, ON_TIME, LATE; blank when unknown. */
    public static String timingLabel(String timing) {
        if (timing == null) {
            return "";
        }
        return switch (timing) {
            case "EARLY" -> "Trước hạn";
            case "ON_TIME" -> "Đúng hạn";
            case "LATE" -> "Quá hạn";
            default -> timing;
        };
    }

    // --- page skeleton -----------------------------------------------------------------------

    @FunctionalInterface
    private interface Body {
        void write(Document doc, Page p) throws DocumentException, IOException;
    }

    /** Fonts and zone of one slip. */
    private static final class Page {
        final ZoneId zone;

        Page(ZoneId zone) {
            this.zone = zone;
        }

        Font regular(float size) {
            return new Font(Fonts.REGULAR, size, Font.NORMAL);
        }

        Font bold(float size) {
            return new Font(Fonts.BOLD, size, Font.NORMAL);
        }

        Font italic(float size) {
            return new Font(Fonts.REGULAR, size, Font.ITALIC);
        }
    }

    private byte[] render(DossierView d, SlipContext ctx, String form, String title, OffsetDateTime issuedAt, Body body) {
        Objects.requireNonNull(d, "dossier");
        Objects.requireNonNull(ctx, "slip context");
        Page p = new Page(ctx.zone() == null ? DEFAULT_ZONE : ctx.zone());
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        Document doc = new Document(PageSize.A4, 62, 45, 40, 40);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(capitalised(title) + " – " + text(d.code()));
            doc.addSubject("Mẫu số " + form + ", Phụ lục I, Thông tư 03/2025/TT-VPCP");
            doc.addCreator("MotCua");
            doc.open();
            heading(doc, p, ctx, form, issuedAt != null ? issuedAt : OffsetDateTime.now(clock));
            Paragraph t = para(p.bold(13), Element.ALIGN_CENTER, title);
            t.setSpacingBefore(14);
            t.setSpacingAfter(6);
            doc.add(t);
            body.write(doc, p);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render form " + form + " for dossier " + d.code(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Form number, the issuing unit on the left, the national heading on the right, and the date line. */
    private static void heading(Document doc, Page p, SlipContext ctx, String form, OffsetDateTime issuedAt)
            throws DocumentException {
        doc.add(para(p.italic(8), Element.ALIGN_RIGHT, "Mẫu số " + form));
        PdfPTable t = table(new float[] {4.3f, 5.7f});
        PdfPCell left = cell();
        if (!blank(ctx.parentUnitName())) {
            left.addElement(para(p.regular(10), Element.ALIGN_CENTER, upper(ctx.parentUnitName())));
        }
        left.addElement(para(p.bold(10), Element.ALIGN_CENTER, upper(ctx.unitName())));
        left.addElement(rule(30));
        t.addCell(left);
        PdfPCell right = cell();
        right.addElement(para(p.bold(10), Element.ALIGN_CENTER, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        right.addElement(para(p.bold(10.5f), Element.ALIGN_CENTER, "Độc lập - Tự do - Hạnh phúc"));
        right.addElement(rule(55));
        right.addElement(para(p.italic(10), Element.ALIGN_CENTER, headingDate(issuedAt.atZoneSameInstant(p.zone))));
        t.addCell(right);
        doc.add(t);
    }

    /** {@code ngày 05 tháng 3 năm 2026}: a leading zero for days below 10 and for months 1 and 2 (Decree 30/2020). */
    static String headingDate(ZonedDateTime t) {
        int day = t.getDayOfMonth();
        int month = t.getMonthValue();
        return "ngày " + (day < 10 ? "0" : "") + day + " tháng " + (month <= 2 ? "0" : "") + month + " năm " + t.getYear();
    }

    private static Paragraph rule(float percent) {
        Chunk line = new Chunk(new LineSeparator(0.6f, percent, Color.BLACK, Element.ALIGN_CENTER, 0));
        line.setFont(new Font(Fonts.REGULAR, 10, Font.NORMAL));
        Paragraph r = new Paragraph(line);
        r.setFont(line.getFont());
        r.setLeading(0, 0.9f);
        return r;
    }

    // --- blocks ------------------------------------------------------------------------------

    private static void applicantLines(Document doc, Page p, Applicant a, boolean withName) throws DocumentException {
        if (a == null) {
            doc.add(line(p, "Họ và tên: ", null));
            return;
        }
        if (withName) {
            doc.add(line(p, a.kind() == ApplicantKind.ORGANIZATION ? "Tổ chức: " : "Ông/Bà: ", a.fullName(), p.bold(11)));
        }
        doc.add(line(p, "Địa chỉ: ", a.address()));
        ApplicantKind kind = a.kind() == null ? ApplicantKind.PERSON : a.kind();
        doc.add(line(p, ID_LABEL.get(kind) + ": ", kind == ApplicantKind.ORGANIZATION ? a.taxCode() : a.idNumber()));
        Paragraph contact = line(p, "Số điện thoại: ", a.phone());
        contact.add(new Chunk("      Email: ", p.regular(11)));
        contact.add(new Chunk(text(a.email()), p.regular(11)));
        doc.add(contact);
    }

    private static PdfPTable componentTable(Page p, List<ComponentItem> components) throws DocumentException {
        PdfPTable t = table(new float[] {0.6f, 6.4f, 1.5f, 1.5f});
        t.setSpacingBefore(3);
        t.setSpacingAfter(4);
        t.setHeaderRows(1);
        Font h = p.bold(9.5f);
        for (String head : List.of("STT", "Tên giấy tờ", "Bản chính", "Bản sao")) {
            t.addCell(headerCell(head, h));
        }
        Font f = p.regular(9.5f);
        int i = 1;
        for (ComponentItem c : components == null ? List.<ComponentItem>of() : components) {
            t.addCell(boxed(String.valueOf(i++), f, Element.ALIGN_CENTER));
            t.addCell(boxed(text(c.name()), f, Element.ALIGN_LEFT));
            t.addCell(boxed(String.valueOf(c.originals()), f, Element.ALIGN_CENTER));
            t.addCell(boxed(String.valueOf(c.copies()), f, Element.ALIGN_CENTER));
        }
        if (i == 1) {
            PdfPCell none = boxed(DASH, f, Element.ALIGN_CENTER);
            none.setColspan(4);
            t.addCell(none);
        }
        return t;
    }

    /** Two signature blocks side by side; a null title leaves that side empty. */
    private static void signatures(Document doc, Page p, String leftTitle, String leftName, String rightTitle,
                                   String rightName) throws DocumentException {
        PdfPTable t = table(new float[] {1, 1});
        t.setSpacingBefore(16);
        t.setKeepTogether(true);
        t.addCell(signature(p, leftTitle, leftName));
        t.addCell(signature(p, rightTitle, rightName));
        doc.add(t);
    }

    private static PdfPCell signature(Page p, String title, String name) {
        PdfPCell c = cell();
        if (title == null) {
            return c;
        }
        c.addElement(para(p.bold(11), Element.ALIGN_CENTER, title));
        String hint = title.startsWith("THỦ TRƯỞNG") ? "(Ký, ghi rõ họ tên và đóng dấu)" : "(Ký và ghi rõ họ tên)";
        c.addElement(para(p.italic(9.5f), Element.ALIGN_CENTER, hint));
        Paragraph n = para(p.bold(11), Element.ALIGN_CENTER, blank(name) ? " " : nfc(name));
        n.setSpacingBefore(52);
        c.addElement(n);
        return c;
    }

    private static Paragraph codeLine(Page p, DossierView d) {
        return para(p.bold(11.5f), Element.ALIGN_CENTER, "Mã hồ sơ: ", d.code());
    }

    // --- small pieces ------------------------------------------------------------------------

    private static Paragraph line(Page p, String label, String value) {
        return line(p, label, value, p.regular(11));
    }

    private static Paragraph boldLine(Page p, String label, String value) {
        return line(p, label, value, p.bold(11));
    }

    private static Paragraph line(Page p, String label, String value, Font valueFont) {
        Paragraph para = new Paragraph();
        para.setFont(p.regular(valueFont.getSize()));
        para.setLeading(0, 1.35f);
        para.add(new Chunk(label, p.regular(valueFont.getSize())));
        para.add(new Chunk(text(value), valueFont));
        return para;
    }

    private static Paragraph indented(Page p, String text) {
        Paragraph para = para(p.regular(11), Element.ALIGN_LEFT, text);
        para.setIndentationLeft(18);
        return para;
    }

    private static Paragraph para(Font f, int align, String... parts) {
        // the paragraph's own font too: spacing before/after is set as a blank in it
        Paragraph para = new Paragraph();
        para.setFont(f);
        para.setLeading(0, 1.35f);
        para.setAlignment(align);
        for (String s : parts) {
            para.add(new Chunk(nfc(s), f));
        }
        return para;
    }

    private static PdfPTable table(float[] widths) throws DocumentException {
        PdfPTable t = new PdfPTable(widths.length);
        t.setWidthPercentage(100);
        t.setWidths(widths);
        return t;
    }

    private static PdfPCell cell() {
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(1);
        return c;
    }

    private static PdfPCell headerCell(String s, Font f) {
        PdfPCell c = boxed(s, f, Element.ALIGN_CENTER);
        c.setBackgroundColor(HEADER_FILL);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return c;
    }

    private static PdfPCell boxed(String s, Font f, int align) {
        PdfPCell c = s == null ? new PdfPCell() : new PdfPCell(new Phrase(nfc(s), f));
        c.setLeading(0, 1.25f);
        c.setHorizontalAlignment(align);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setPadding(3);
        c.setPaddingBottom(4);
        return c;
    }

    private static String at(OffsetDateTime t, ZoneId zone) {
        return t == null ? DASH : DATE_TIME.format(t.atZoneSameInstant(zone));
    }

    private static String date(OffsetDateTime t, ZoneId zone) {
        return t == null ? DASH : DateTimeFormatter.ofPattern("dd/MM/yyyy").format(t.atZoneSameInstant(zone));
    }

    /** {@code 200.000 đồng}; nothing to pay prints as such. */
    static String money(long vnd) {
        if (vnd <= 0) {
            return "Không thu";
        }
        return NumberFormat.getIntegerInstance(VI).format(vnd) + " đồng";
    }

    private static String returnChannel(String channel, String unitName) {
        if ("POST".equals(channel)) {
            return "Qua dịch vụ bưu chính công ích";
        }
        if ("ONLINE".equals(channel)) {
            return "Trực tuyến, trên Cổng Dịch vụ công";
        }
        return "Trực tiếp tại Bộ phận Một cửa" + (blank(unitName) ? "" : " – " + nfc(unitName));
    }

    private static String name(DossierView d) {
        return d.applicant() == null ? null : d.applicant().fullName();
    }

    /** How the letters address the applicant. */
    private static String address(DossierView d) {
        return d.applicant() != null && d.applicant().kind() == ApplicantKind.ORGANIZATION ? "Quý tổ chức" : "Ông/Bà";
    }

    private static String text(String s) {
        return blank(s) ? DASH : nfc(s.strip());
    }

    private static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static String upper(String s) {
        return blank(s) ? "" : nfc(s.strip()).toUpperCase(VI);
    }

    private static String capitalised(String title) {
        String lower = title.toLowerCase(VI);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // --- QR code -----------------------------------------------------------------------------

    /** The QR code (error correction M) of {@code text} as a grey PNG, 4 pixels a module, 4-module quiet zone. */
    static byte[] qrPng(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, 0));
            int scale = 4;
            int quiet = 4;
            int modules = m.getWidth();
            int size = (modules + 2 * quiet) * scale;
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
            WritableRaster r = img.getRaster();
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int mx = x / scale - quiet;
                    int my = y / scale - quiet;
                    boolean dark = mx >= 0 && my >= 0 && mx < modules && my < modules && m.get(mx, my);
                    r.setSample(x, y, 0, dark ? 0 : 255);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + text, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- fonts -------------------------------------------------------------------------------

    /** DejaVu Sans regular and bold from the classpath, loaded once and shared by every slip. */
    private static final class Fonts {
        static final BaseFont REGULAR = load("DejaVuSans.ttf");
        static final BaseFont BOLD = load("DejaVuSans-Bold.ttf");

        private static BaseFont load(String file) {
            String path = "/fonts/" + file;
            try (InputStream in = SlipRenderer.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("font " + path + " is not on the classpath");
                }
                return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
            } catch (IOException | DocumentException e) {
                throw new IllegalStateException("cannot load font " + path, e);
            }
        }
    }
}
