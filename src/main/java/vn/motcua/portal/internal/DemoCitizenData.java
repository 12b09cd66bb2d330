package vn.motcua.portal.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.portal.CitizenAccounts;
import vn.motcua.portal.Registration;

/**
 * Demo profile: one citizen account for the portal, made once (password: the
 * demo staff accounts'), with its identity number proven (method DEMO) so the
 * demo shows everything a proven citizen sees.
 */
@Component
@Profile("demo")
@Order(40)
class DemoCitizenData implements ApplicationRunner {

    static final String IDENTITY_NUMBER = "040090001234";
    /** The same demo password as the staff accounts' (see the README). */
    private static final String DEMO_PASSWORD = "MotCua@2026";
    private static final Logger log = LoggerFactory.getLogger(DemoCitizenData.class);

    private final CitizenAccounts accounts;
    private final CitizenAccountStore store;
    private final vn.motcua.warehouse.FileService files;
    private final vn.motcua.warehouse.PersonalWarehouse warehouse;
    private final java.time.Clock clock;

    DemoCitizenData(CitizenAccounts accounts, CitizenAccountStore store, vn.motcua.warehouse.FileService files,
                    vn.motcua.warehouse.PersonalWarehouse warehouse, java.time.Clock clock) {
        this.accounts = accounts;
        this.store = store;
        this.files = files;
        this.warehouse = warehouse;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.find(IDENTITY_NUMBER).isPresent()) {
            return;
        }
        long id = accounts.register(new Registration(ApplicantKind.PERSON, IDENTITY_NUMBER, "Trần Thị Mai", "0912345678",
                "tran.thi.mai@example.vn", "Khối 5, phường Trường Vinh, tỉnh Nghệ An", DEMO_PASSWORD, DEMO_PASSWORD))
                .accountId();
        store.prove(id, new vn.motcua.portal.IdentityProof(vn.motcua.portal.ProofMethod.DEMO, clock.instant(), "demo data",
                "Demo citizen"));
        // a certified electronic copy already in her warehouse, so that online filing can reuse it
        try {
            var f = files.upload("ban-sao-giay-khai-sinh.pdf",
                    new java.io.ByteArrayInputStream(samplePdf("BẢN SAO GIẤY KHAI SINH (dữ liệu mẫu)",
                            "Họ và tên: Trần Thị Mai — Số định danh cá nhân: " + IDENTITY_NUMBER)),
                    vn.motcua.portal.CitizenPrincipal.ACTOR_PREFIX + IDENTITY_NUMBER);
            store.recordUpload(id, f.id());
            warehouse.add(IDENTITY_NUMBER, vn.motcua.warehouse.DocumentKind.CERTIFIED_COPY, "Bản sao giấy khai sinh có chứng thực",
                    f.id(), null, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        log.info("Demo citizen account {} created", IDENTITY_NUMBER);
    }

    /** A one-page PDF with Vietnamese text (the embedded DejaVu font keeps the diacritics). */
    private static byte[] samplePdf(String title, String line) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        com.lowagie.text.Document doc = new com.lowagie.text.Document(com.lowagie.text.PageSize.A4);
        com.lowagie.text.pdf.PdfWriter.getInstance(doc, out);
        byte[] ttf;
        try (java.io.InputStream in = DemoCitizenData.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            ttf = in.readAllBytes();
        }
        com.lowagie.text.pdf.BaseFont font = com.lowagie.text.pdf.BaseFont.createFont("DejaVuSans.ttf",
                com.lowagie.text.pdf.BaseFont.IDENTITY_H, com.lowagie.text.pdf.BaseFont.EMBEDDED, false, ttf, null);
        doc.open();
        doc.add(new com.lowagie.text.Paragraph(title, new com.lowagie.text.Font(font, 16)));
        doc.add(new com.lowagie.text.Paragraph(line, new com.lowagie.text.Font(font, 11)));
        doc.close();
        return out.toByteArray();
    }
}
