package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffView;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/** Every act through the JSON API against PostgreSQL, with the rules, the scope and the concurrency. */
class DossierApiTests extends IntegrationTest {

    @Autowired
    DossierFixtures dossierFixtures;

    DossierFixtures.World w;

    @BeforeEach
    void world() {
        w = dossierFixtures.world();
        clock.pin(Instant.parse("2026-03-02T02:00:00Z")); // Monday 2 March 2026, 09:00 in Vietnam
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    static String filing(String procedureCode, String channel) {
        return """
                {"procedureCode":"%s","channel":"%s",
                 "applicant":{"kind":"PERSON","fullName":"Nguyễn Thị Hoà","idNumber":"040123456789","phone":"0912345678",
                              "email":"hoa@example.vn","address":"Phường Trường Vinh, Nghệ An"},
                 "components":[{"name":"Tờ khai đề nghị","originals":1,"copies":0}]}""".formatted(procedureCode, channel);
    }

    MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder b, StaffView who) {
        return b.with(httpBasic(who.username(), Fixtures.PASSWORD));
    }

    String file() throws Exception {
        String body = mvc.perform(as(post("/api/v1/dossiers"), w.deskOfficer()).contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                        .content(filing(w.procedure().code(), "IN_PERSON")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.code");
    }

    org.springframework.test.web.servlet.ResultActions act(String code, String action, StaffView who, String json) throws Exception {
        return mvc.perform(as(post("/api/v1/dossiers/" + code + "/" + action), who).contentType(MediaType.APPLICATION_JSON)
                .content(json == null ? "{}" : json));
    }

    @Test
    void aDeskFilingIsReceivedWithACodeOfTheUnitAndTheCalendarsAppointment() throws Exception {
        String code = file();
        assertThat(code).matches(java.util.regex.Pattern.quote(w.desk().code()) + "-260302-\\d{4}");
        mvc.perform(as(get("/api/v1/dossiers/" + code), w.deskOfficer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.statusCode").value(2))
                .andExpect(jsonPath("$.applicant.fullName").value("Nguyễn Thị Hoà"))
                .andExpect(jsonPath("$.receivedAt").value("2026-03-02T09:00:00+07:00"))
                .andExpect(jsonPath("$.appointmentAt").value("2026-03-09T09:00:00+07:00"))
                .andExpect(jsonPath("$.currentStep.name").value("Tiếp nhận hồ sơ"))
                .andExpect(jsonPath("$.overdue").value(false))
                .andExpect(jsonPath("$.supplementRequests").value(0));
    }

    @Test
    void theWholeJourneyThroughTheApi() throws Exception {
        String code = file();
        act(code, "forward", w.deskOfficer(), null).andExpect(status().isOk()).andExpect(jsonPath("$.statusCode").value(4))
                .andExpect(jsonPath("$.currentStep.name").value("Thẩm định"));
        clock.pin(Instant.parse("2026-03-03T02:00:00Z"));
        act(code, "request-supplement", w.specialist(), "{\"items\":[\"Bản sao giấy khai sinh\"],\"reason\":\"Thiếu giấy tờ\"}")
                .andExpect(jsonPath("$.statusCode").value(5));
        act(code, "request-supplement", w.specialist(), "{\"items\":[\"Ảnh\"],\"reason\":\"Lần hai\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.rule").value("illegal-transition"));
        clock.pin(Instant.parse("2026-03-05T02:00:00Z"));
        act(code, "supplement-received", w.deskOfficer(), null).andExpect(jsonPath("$.statusCode").value(4))
                .andExpect(jsonPath("$.appointmentAt").value("2026-03-11T09:00:00+07:00"));
        act(code, "request-supplement", w.specialist(), "{\"items\":[\"Ảnh\"],\"reason\":\"Lần hai\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("supplement-once"));
        act(code, "forward", w.specialist(), null).andExpect(jsonPath("$.currentStep.name").value("Phê duyệt"));
        act(code, "complete", w.specialist(), "{\"resultNumber\":\"12/GP\"}").andExpect(status().isForbidden());
        clock.pin(Instant.parse("2026-03-06T02:00:00Z"));
        act(code, "complete", w.leader(), "{\"resultNumber\":\"12/GP\"}").andExpect(jsonPath("$.statusCode").value(9))
                .andExpect(jsonPath("$.timing").value("EARLY"));
        act(code, "return", w.deskOfficer(), "{\"channel\":\"IN_PERSON\"}").andExpect(jsonPath("$.statusCode").value(10))
                .andExpect(jsonPath("$.returnedAt").value("2026-03-06T09:00:00+07:00"));

        String history = mvc.perform(as(get("/api/v1/dossiers/" + code + "/history"), w.deskOfficer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> actions = JsonPath.read(history, "$[*].action");
        assertThat(actions).containsExactly("file", "receive", "forward", "request-supplement", "supplement-received",
                "forward", "complete", "return");
        mvc.perform(get("/api/v1/tracking/" + code)).andExpect(status().isOk())
                .andExpect(jsonPath("$.statusCode").value(10))
                .andExpect(jsonPath("$.procedureName").value(w.procedure().name()))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Hoà"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("040123456789"))));
    }

    @Test
    void aFailedActLeavesTheDossierAsItWas() throws Exception {
        String code = file();
        act(code, "forward", w.deskOfficer(), null);
        String before = mvc.perform(as(get("/api/v1/dossiers/" + code), w.specialist())).andReturn().getResponse().getContentAsString();
        act(code, "apologize", w.specialist(), "{\"reason\":\"\",\"newAppointmentAt\":\"2026-03-12T16:00:00+07:00\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        act(code, "return", w.deskOfficer(), null).andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("illegal-transition"));
        String after = mvc.perform(as(get("/api/v1/dossiers/" + code), w.specialist())).andReturn().getResponse().getContentAsString();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void anApologyIsAcceptedOnceBeforeTheDeadline() throws Exception {
        String code = file();
        act(code, "forward", w.deskOfficer(), null);
        act(code, "apologize", w.specialist(), "{\"reason\":\"Cần xác minh\",\"newAppointmentAt\":\"2026-03-12T16:00:00+07:00\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.appointmentAt").value("2026-03-12T16:00:00+07:00"));
        act(code, "apologize", w.specialist(), "{\"reason\":\"Lần nữa\",\"newAppointmentAt\":\"2026-03-13T16:00:00+07:00\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("apology-once"));
    }

    @Test
    void anOfficerOfAnotherUnitGets404AndAnUnknownActionToo() throws Exception {
        String code = file();
        StaffView stranger = fixtures.staff(Role.ONE_STOP_OFFICER, fixtures.agency("Sở Người Lạ"));
        mvc.perform(as(get("/api/v1/dossiers/" + code), stranger)).andExpect(status().isNotFound());
        act(code, "forward", stranger, null).andExpect(status().isNotFound());
        mvc.perform(as(get("/api/v1/dossiers/" + code + "/history"), stranger)).andExpect(status().isNotFound());
        act(code, "teleport", w.deskOfficer(), null).andExpect(status().isNotFound());
        mvc.perform(as(get("/api/v1/dossiers").param("q", code), stranger))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void badInputNamesTheFields() throws Exception {
        mvc.perform(as(post("/api/v1/dossiers"), w.deskOfficer()).contentType(MediaType.APPLICATION_JSON)
                        .content(filing(w.procedure().code(), "IN_PERSON").replace("040123456789", "12345")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("applicant.idNumber"));
        mvc.perform(as(post("/api/v1/dossiers"), w.deskOfficer()).contentType(MediaType.APPLICATION_JSON)
                        .content(filing("0.000000", "IN_PERSON")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("procedureCode"));
        mvc.perform(as(post("/api/v1/dossiers"), w.deskOfficer()).contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameDossier() throws Exception {
        String key = "retry-" + System.nanoTime();
        String first = mvc.perform(as(post("/api/v1/dossiers"), w.deskOfficer()).contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", key).content(filing(w.procedure().code(), "IN_PERSON")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(as(post("/api/v1/dossiers"), w.deskOfficer()).contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", key).content(filing(w.procedure().code(), "IN_PERSON")))
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(second).isEqualTo(first);
        mvc.perform(as(get("/api/v1/dossiers").param("unit", String.valueOf(w.desk().id())), w.deskOfficer()))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(as(post("/api/v1/dossiers"), w.deskOfficer()).contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", key).content(filing(w.procedure().code(), "POST")))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void anOnlineFilingWaitsInTheQueueUntilReceivedOrRefused() throws Exception {
        String body = mvc.perform(as(post("/api/v1/dossiers"), w.deskOfficer()).contentType(MediaType.APPLICATION_JSON)
                        .content(filing(w.procedure().code(), "ONLINE")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.statusCode").value(1))
                .andReturn().getResponse().getContentAsString();
        String code = JsonPath.read(body, "$.code");
        mvc.perform(as(get("/api/v1/dossiers").param("inbox", "NEW"), w.deskOfficer()))
                .andExpect(jsonPath("$.items[0].code").value(code));
        act(code, "refuse", w.deskOfficer(), "{}").andExpect(status().isUnprocessableContent());
        act(code, "refuse", w.deskOfficer(), "{\"reason\":\"Không thuộc thẩm quyền\"}").andExpect(jsonPath("$.statusCode").value(3));
    }

    @Autowired
    vn.motcua.catalog.CatalogService catalog;

    @Autowired
    vn.motcua.organization.OrganizationService organization;

    @Test
    void theProvincialCentreReceivesACommuneProcedureAndRoutesItToTheCompetentWard() throws Exception {
        clock.reset();
        var communeProcedure = catalog.searchPublished(new vn.motcua.catalog.ProcedureQuery(null,
                vn.motcua.organization.UnitLevel.COMMUNE, null, null, null, 0, 50)).items().get(0);
        var ward = organization.findUnitByCode("000.00.31.H40").orElseThrow(); // UBND phường Trường Vinh
        var centreOfficer = organization.findStaffByUsername("motcua.tinh").orElseThrow();
        String body = filing(communeProcedure.code(), "IN_PERSON").replaceFirst("\\{", "{\"competentUnitId\":" + ward.id() + ",");
        String created = mvc.perform(post("/api/v1/dossiers").with(httpBasic("motcua.tinh", "MotCua@2026"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String code = JsonPath.read(created, "$.code");
        assertThat(code).startsWith("000.00.20.H40-");
        List<Integer> stepUnits = JsonPath.read(created, "$.steps[*].unit.id");
        java.util.Set<Long> wardUnits = organization.selfAndDescendants(List.of(ward.id()));
        long centre = centreOfficer.units().get(0).id();
        // receipt and return at the centre; the work in between inside the competent ward
        assertThat(stepUnits.get(0).longValue()).isEqualTo(centre);
        assertThat(stepUnits.get(stepUnits.size() - 1).longValue()).isEqualTo(centre);
        assertThat(stepUnits.subList(1, stepUnits.size() - 1)).isNotEmpty()
                .allSatisfy(u -> assertThat(wardUnits).contains(u.longValue()));
    }

    @Test
    void searchFindsByNameWithoutDiacriticsAndByIdNumber() throws Exception {
        String code = file();
        mvc.perform(as(get("/api/v1/dossiers").param("q", "nguyen thi hoa"), w.deskOfficer()))
                .andExpect(jsonPath("$.items[*].code", org.hamcrest.Matchers.hasItem(code)));
        mvc.perform(as(get("/api/v1/dossiers").param("q", "040123456789"), w.deskOfficer()))
                .andExpect(jsonPath("$.items[*].code", org.hamcrest.Matchers.hasItem(code)));
    }

    @Test
    void fiftyParallelIntakesGetFiftyConsecutiveCodes() throws Exception {
        clock.reset();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> jobs = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                jobs.add(this::file);
            }
            Set<Integer> numbers = new TreeSet<>();
            for (Future<String> f : pool.invokeAll(jobs)) {
                String c = f.get();
                numbers.add(Integer.parseInt(c.substring(c.lastIndexOf('-') + 1)));
            }
            assertThat(numbers).hasSize(50);
            assertThat(numbers).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 50).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ofParallelActsOnOneDossierExactlyOneSucceeds() throws Exception {
        String code = file();
        int version = JsonPath.read(mvc.perform(as(get("/api/v1/dossiers/" + code), w.deskOfficer()))
                .andReturn().getResponse().getContentAsString(), "$.version");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> jobs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                // every officer acts on the version they saw: one wins, the others are told it changed
                jobs.add(() -> act(code, "forward", w.deskOfficer(), "{\"version\":" + version + "}").andReturn().getResponse().getStatus());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(jobs)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 200).allMatch(s -> s == 409);
        } finally {
            pool.shutdownNow();
        }
        String history = mvc.perform(as(get("/api/v1/dossiers/" + code + "/history"), w.deskOfficer()))
                .andReturn().getResponse().getContentAsString();
        List<String> actions = JsonPath.read(history, "$[*].action");
        assertThat(actions).containsExactly("file", "receive", "forward");
    }
}
