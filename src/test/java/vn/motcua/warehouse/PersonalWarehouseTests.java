package vn.motcua.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/** The personal warehouse: each owner sees only their own documents and files; reuse knows states 2 and 3. */
class PersonalWarehouseTests extends IntegrationTest {


    @Autowired
    PersonalWarehouse warehouse;

    @Autowired
    FileService files;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void unpin() {
        clock.reset();
    }

    /** A fresh 12-digit citizen ID of this run. */
    static String citizenId() {
        return Fixtures.identityNumber("09", 12);
    }

    /** A distinct small PDF, so each test has its own stored file. */
    StoredFile pdf(String owner) throws Exception {
        byte[] content = vn.motcua.support.TestFiles.pdf();
        return files.upload("giay-to.pdf", new ByteArrayInputStream(content), owner);
    }

    @Test
    void addIsIdempotentPerOwnerFileAndKindAndListsNewestFirst() throws Exception {
        String owner = citizenId();
        StoredFile first = pdf("staff:test");
        StoredFile second = pdf("staff:test");
        clock.pin(Instant.parse("2026-04-01T02:00:00Z"));
        WarehouseDocument a = warehouse.add(owner, DocumentKind.COMPONENT, "  To\u031b\u0300 khai  ", first.id(), "X-1", null);
        assertThat(a.title()).isEqualTo("Tờ khai"); // NFC, trimmed
        assertThat(a.fileName()).isEqualTo("giay-to.pdf");
        assertThat(a.mediaType()).isEqualTo("application/pdf");
        assertThat(a.sizeBytes()).isEqualTo(first.size());
        assertThat(a.digitization()).isEqualTo(1);
        assertThat(a.sourceDossierCode()).isEqualTo("X-1");
        WarehouseDocument again = warehouse.add(owner, DocumentKind.COMPONENT, "Tên khác", first.id(), null, null);
        assertThat(again.id()).isEqualTo(a.id());
        assertThat(again.title()).isEqualTo("Tờ khai");
        // another kind over the same file is another document
        clock.pin(Instant.parse("2026-04-02T02:00:00Z"));
        WarehouseDocument copy = warehouse.add(owner, DocumentKind.CERTIFIED_COPY, "Bản sao chứng thực", first.id(), null, null);
        assertThat(copy.id()).isNotEqualTo(a.id());
        clock.pin(Instant.parse("2026-04-03T02:00:00Z"));
        WarehouseDocument newest = warehouse.add(owner, DocumentKind.OTHER, "Giấy khác", second.id(), null, null);
        assertThat(warehouse.documents(owner)).extracting(WarehouseDocument::id).containsExactly(newest.id(), copy.id(), a.id());
        assertThat(jdbc.sql("SELECT count(*) FROM warehouse_document WHERE owner_key = ?").param(owner).query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void addRefusesAnUnknownFileAndAMalformedOwner() throws Exception {
        String owner = citizenId();
        assertThatThrownBy(() -> warehouse.add(owner, DocumentKind.OTHER, "Giấy", UUID.randomUUID(), null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsEntry("fileId", "warehouse.file.unknown"));
        StoredFile f = pdf("staff:test");
        assertThatThrownBy(() -> warehouse.add("12345", DocumentKind.OTHER, "Giấy", f.id(), null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("ownerKey"));
        assertThatThrownBy(() -> warehouse.add(owner, DocumentKind.OTHER, " ", f.id(), null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("title"));
        assertThat(warehouse.documents(owner)).isEmpty();
        // an organisation's tax code is an owner key too
        WarehouseDocument org = warehouse.add("0101234567-001", DocumentKind.OTHER, "Điều lệ", f.id(), null, null);
        assertThat(org.ownerKey()).isEqualTo("0101234567-001");
    }

    @Test
    void anotherOwnerCannotGetReuseOrReadTheDocumentOrItsFile() throws Exception {
        String a = citizenId();
        String b = citizenId();
        StoredFile ownUpload = pdf(PersonalWarehouse.CITIZEN_OWNER_PREFIX + a);
        StoredFile fromDossier = pdf("staff:desk");
        WarehouseDocument doc = warehouse.add(a, DocumentKind.COMPONENT, "Tờ khai", fromDossier.id(), "X-2", null);

        assertThat(warehouse.document(a, doc.id()).fileId()).isEqualTo(fromDossier.id());
        assertThat(warehouse.readableByCitizen(fromDossier.id(), a).id()).isEqualTo(fromDossier.id());
        assertThat(warehouse.readableByCitizen(ownUpload.id(), a).id()).isEqualTo(ownUpload.id());

        assertThatThrownBy(() -> warehouse.document(b, doc.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> warehouse.reuse(b, doc.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> warehouse.readableByCitizen(fromDossier.id(), b)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> warehouse.readableByCitizen(ownUpload.id(), b)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> warehouse.readableByCitizen(UUID.randomUUID(), a)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> warehouse.document(a, UUID.randomUUID())).isInstanceOf(NotFound.class);
        assertThat(warehouse.documents(b)).isEmpty();
        // a staff upload nobody put in a warehouse is nobody's
        StoredFile staffOnly = pdf("staff:other");
        assertThatThrownBy(() -> warehouse.readableByCitizen(staffOnly.id(), a)).isInstanceOf(NotFound.class);
    }

    @Test
    void reuseGivesState2ForComponentsAnd3ForResultsAndRefusesExpiredDocuments() throws Exception {
        String owner = citizenId();
        clock.pin(Instant.parse("2026-05-10T16:30:00Z")); // 23:30 on 10 May in Vietnam
        WarehouseDocument component = warehouse.add(owner, DocumentKind.COMPONENT, "Tờ khai", pdf("staff:t").id(), "X-3", null);
        WarehouseDocument other = warehouse.add(owner, DocumentKind.OTHER, "Ảnh", pdf("staff:t").id(), null, null);
        WarehouseDocument result = warehouse.add(owner, DocumentKind.RESULT, "Kết quả", pdf("staff:t").id(), "X-3", null);
        WarehouseDocument copy = warehouse.add(owner, DocumentKind.CERTIFIED_COPY, "Bản sao", pdf("staff:t").id(), null,
                LocalDate.of(2026, 5, 10));
        WarehouseDocument expired = warehouse.add(owner, DocumentKind.RESULT, "Giấy phép cũ", pdf("staff:t").id(), null,
                LocalDate.of(2026, 5, 9));

        Reuse r = warehouse.reuse(owner, component.id());
        assertThat(r).isEqualTo(new Reuse(component.fileId(), 2, "Tờ khai"));
        assertThat(warehouse.reuse(owner, other.id()).digitization()).isEqualTo(2);
        assertThat(warehouse.reuse(owner, result.id()).digitization()).isEqualTo(3);
        // valid until today (in Vietnam, though it is still 10 May in UTC too): still usable
        assertThat(warehouse.reuse(owner, copy.id()).digitization()).isEqualTo(3);
        assertThatThrownBy(() -> warehouse.reuse(owner, expired.id()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsValue("warehouse.expired"));
        // past midnight in Vietnam (still 10 May in UTC) the copy valid until 10 May has expired
        clock.pin(Instant.parse("2026-05-10T17:30:00Z"));
        assertThatThrownBy(() -> warehouse.reuse(owner, copy.id())).isInstanceOf(InvalidInput.class);
        assertThat(copy.validOn(LocalDate.of(2026, 5, 10))).isTrue();
        assertThat(copy.validOn(LocalDate.of(2026, 5, 11))).isFalse();
    }
}
