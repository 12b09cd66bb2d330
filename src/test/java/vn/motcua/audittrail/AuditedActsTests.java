package vn.motcua.audittrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.CalendarYearDocument;
import vn.motcua.catalog.CatalogService;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffCommand;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitCommand;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitView;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestFiles;

/**
 * The acts the trail holds beyond the dossiers': changes of units, accounts,
 * the calendar and the catalogue (with old → new), the use of API keys, file
 * downloads, views of a citizen's account card, and exports.
 */
class AuditedActsTests extends IntegrationTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    OrganizationService organization;

    @Autowired
    CalendarService calendars;

    @Autowired
    CatalogService catalog;

    @Autowired
    DossierFixtures dossierFixtures;

    private static AuditEntry.Change change(AuditEntry e, String field) {
        return e.changes().stream().filter(c -> c.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no change of " + field + " in " + e));
    }

    private AuditEntry last(String subjectType, String subjectId, String kind) {
        return audit.about(subjectType, subjectId, 100).stream().filter(e -> e.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " about " + subjectType + " " + subjectId));
    }

    @Test
    void unitChangesAreRecordedOldToNew() {
        UnitView unit = fixtures.agency("Sở Nhật Ký");
        String id = String.valueOf(unit.id());
        assertThat(change(last("unit", id, "unit.created"), "name").newValue()).isEqualTo("Sở Nhật Ký");
        organization.updateUnit(new UnitId(unit.id()), unit.version(), new UnitCommand("Sở Nhật Ký Mới", unit.code(),
                unit.kind(), unit.level(), unit.parentId(), "Số 1 Lê Lợi", unit.phone()));
        AuditEntry edited = last("unit", id, "unit.edited");
        assertThat(edited.changes()).extracting(AuditEntry.Change::field).containsExactlyInAnyOrder("name", "address");
        assertThat(change(edited, "name")).isEqualTo(new AuditEntry.Change("name", "Sở Nhật Ký", "Sở Nhật Ký Mới"));
        organization.deactivateUnit(new UnitId(unit.id()));
        assertThat(change(last("unit", id, "unit.deactivated"), "active"))
                .isEqualTo(new AuditEntry.Change("active", "true", "false"));
    }

    @Test
    void accountEditsAreRecordedOldToNew() {
        UnitView unit = fixtures.agency("Sở Tài Khoản");
        StaffView s = fixtures.staff(Role.SPECIALIST, unit);
        assertThat(last("staff", String.valueOf(s.id()), "staff.account.created")).isNotNull();
        organization.updateStaff(s.staffId(), s.version(), new StaffCommand(s.username(), "Nguyễn Văn Đổi Tên", null,
                "Chuyên viên chính", s.email(), s.phone(), Set.of(Role.SPECIALIST, Role.LEADER), Set.of(unit.id())));
        AuditEntry edited = last("staff", String.valueOf(s.id()), "staff.account.edited");
        assertThat(change(edited, "fullName")).isEqualTo(new AuditEntry.Change("fullName", s.fullName(), "Nguyễn Văn Đổi Tên"));
        assertThat(change(edited, "jobPosition").newValue()).isEqualTo("Chuyên viên chính");
        assertThat(change(last("staff", String.valueOf(s.id()), "staff.roles.changed"), "roles"))
                .isEqualTo(new AuditEntry.Change("roles", "SPECIALIST", "LEADER, SPECIALIST"));
        // the unit is known: the actor here is the system, an entry about the specialist by an admin would carry the admin's unit
        organization.setStaffActive(s.staffId(), false);
        assertThat(last("staff", String.valueOf(s.id()), "staff.account.deactivated").changes()).isEmpty();
    }

    @Test
    void calendarChangesAreRecordedOldToNew() {
        List<CalendarYearDocument.Hours> hours = List.of(new CalendarYearDocument.Hours(LocalTime.of(7, 30), LocalTime.of(11, 30)),
                new CalendarYearDocument.Hours(LocalTime.of(13, 30), LocalTime.of(17, 0)));
        List<DayOfWeek> weekend = List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        calendars.putYear(2033, new CalendarYearDocument(hours, weekend, List.of(LocalDate.of(2033, 1, 1)), List.of(), null, null),
                "admin-test");
        calendars.putYear(2033, new CalendarYearDocument(hours, weekend,
                List.of(LocalDate.of(2033, 1, 1), LocalDate.of(2033, 9, 2)), List.of(LocalDate.of(2033, 9, 10)), null, "Bù"),
                "admin-test");
        AuditEntry changed = last("calendar-year", "2033", "calendar.year.changed");
        assertThat(changed.actor()).isEqualTo("admin-test");
        assertThat(change(changed, "holidays")).isEqualTo(new AuditEntry.Change("holidays", "[2033-01-01]", "[2033-01-01, 2033-09-02]"));
        assertThat(change(changed, "makeUpWorkingDays").newValue()).isEqualTo("[2033-09-10]");
        assertThat(changed.changes()).extracting(AuditEntry.Change::field).doesNotContain("workingHours", "weekendDays");
    }

    @Test
    void catalogueChangesAndExportsAreRecorded() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        String code = w.procedure().code();
        assertThat(last("procedure", code, "catalog.procedure.created").actor()).isNotBlank();
        assertThat(change(last("procedure", code, "catalog.procedure.published"), "status").newValue()).isEqualTo("PUBLISHED");
        catalog.withdraw(code, "9/QĐ-UBND", LocalDate.now(clock).minusDays(1), "Bãi bỏ", "admin-test");
        AuditEntry withdrawn = last("procedure", code, "catalog.procedure.withdrawn");
        assertThat(withdrawn.reason()).isEqualTo("Bãi bỏ");
        assertThat(change(withdrawn, "status")).isEqualTo(new AuditEntry.Change("status", "PUBLISHED", "WITHDRAWN"));

        StaffView admin = fixtures.staff(Role.ADMIN, fixtures.province());
        mvc.perform(get("/api/v1/procedures/export?format=xlsx").with(httpBasic(admin.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk());
        assertThat(audit.ofKind("catalog.exported", 20)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo(admin.username());
            assertThat(e.detail()).startsWith("xlsx");
            assertThat(e.unitId()).isEqualTo(fixtures.province().id()); // the admin's one unit
        });
    }

    @Test
    void apiKeyUseAndRefusalAreRecorded() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer mc_demo_key_local_only_9f3a2c7e")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer mc_not_a_key")).andExpect(status().isUnauthorized());
        assertThat(audit.ofKind("api-key.used", 5)).first().satisfies(e -> {
            assertThat(e.subjectId()).isEqualTo("mc_demo_");
            assertThat(e.detail()).isEqualTo("GET /api/v1/me → 200");
            assertThat(e.address()).isEqualTo("127.0.0.1");
        });
        assertThat(audit.ofKind("api-key.refused", 5)).first().satisfies(e -> {
            assertThat(e.subjectId()).isEqualTo("mc_not_a");
            assertThat(e.actor()).isEqualTo("anonymous");
        });
    }

    @Test
    void downloadsCardViewsAndTheLogBookExportAreRecorded() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        String body = mvc.perform(multipart("/api/v1/files").file(new MockMultipartFile("file", "Tờ khai.pdf", "application/pdf",
                        TestFiles.pdf())).with(httpBasic(w.deskOfficer().username(), Fixtures.PASSWORD)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        mvc.perform(get("/api/v1/files/" + id).with(httpBasic(w.deskOfficer().username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk());
        AuditEntry download = last("file", id, "file.downloaded");
        assertThat(download.actor()).isEqualTo(w.deskOfficer().username());
        assertThat(download.detail()).contains("Tờ khai.pdf");
        assertThat(download.unitId()).isEqualTo(w.desk().id());

        mvc.perform(get("/api/v1/citizen-accounts/040090001234").with(httpBasic(w.deskOfficer().username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk());
        assertThat(last("citizen", "040090001234", "citizen.account.viewed").actor()).isEqualTo(w.deskOfficer().username());

        mvc.perform(get("/dossiers/logbook").param("unit", String.valueOf(w.desk().id())).param("from", "2026-03-01")
                        .param("to", "2026-03-31").param("format", "xlsx").with(user(DossierFixtures.World.principal(w.deskOfficer()))))
                .andExpect(status().isOk());
        assertThat(last("unit", String.valueOf(w.desk().id()), "dossier.logbook.exported").detail())
                .isEqualTo("xlsx; from 2026-03-01 to 2026-03-31");
    }
}
