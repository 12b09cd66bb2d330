package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.motcua.support.IntegrationTest;

/**
 * Lists and texts of the API's bodies are bounded (each body is also capped
 * at 1 MB): a list or a text over its limit is refused with 400 naming the
 * field, before anything is stored.
 */
class ListAndTextLimitsTests extends IntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "MotCua@2026");
    private static final RequestPostProcessor DESK = httpBasic("motcua.tinh", "MotCua@2026");

    @Autowired
    JdbcClient jdbc;

    private static String repeat(String item, int n) {
        return IntStream.range(0, n).mapToObj(i -> item).collect(Collectors.joining(","));
    }

    private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body,
                               RequestPostProcessor caller) throws Exception {
        return mvc.perform(request.with(caller).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static void refusedNaming(ResultActions result, String field) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem(field)));
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void aDossierWithTooManyPapersOrTooLongANameIsRefused() throws Exception {
        long dossiers = count("dossier");
        String applicant = "{\"kind\":\"PERSON\",\"fullName\":\"Trần Văn Giới\",\"idNumber\":\"040090009999\"}";
        refusedNaming(send(post("/api/v1/dossiers"), "{\"procedureCode\":\"1.001193\",\"channel\":\"IN_PERSON\",\"applicant\":"
                + applicant + ",\"components\":[" + repeat("{\"name\":\"Tờ khai\",\"originals\":1,\"copies\":0}", 201) + "]}", DESK), "components");
        refusedNaming(send(post("/api/v1/dossiers"), "{\"procedureCode\":\"1.001193\",\"channel\":\"IN_PERSON\",\"applicant\":"
                + applicant + ",\"components\":[{\"name\":\"" + "x".repeat(1001) + "\",\"originals\":1,\"copies\":0}]}", DESK), "components[0].name");
        assertThat(count("dossier")).isEqualTo(dossiers);
    }

    @Test
    void anActWithTooLongAReasonOrTooManyItemsIsRefused() throws Exception {
        refusedNaming(send(post("/api/v1/dossiers/KHONG-CO/refuse"), "{\"reason\":\"" + "x".repeat(2001) + "\"}", DESK), "reason");
        refusedNaming(send(post("/api/v1/dossiers/KHONG-CO/request-supplement"),
                "{\"reason\":\"Thiếu giấy tờ\",\"items\":[" + repeat("\"Bản sao\"", 101) + "]}", DESK), "items");
        refusedNaming(send(post("/api/v1/dossiers/KHONG-CO/complete"), "{\"resultNumber\":\"" + "9".repeat(101) + "\"}", DESK),
                "resultNumber");
    }

    @Test
    void aMergeOfTooManyUnitsIsRefused() throws Exception {
        long units = count("unit_merge");
        refusedNaming(send(post("/api/v1/units/merge"), "{\"sources\":[" + repeat("1", 101) + "],\"successor\":2}", ADMIN), "sources");
        refusedNaming(send(post("/api/v1/units/merge"), "{\"sources\":[1],\"successor\":2,\"reason\":\"" + "x".repeat(1001) + "\"}", ADMIN),
                "reason");
        assertThat(count("unit_merge")).isEqualTo(units);
    }

    @Test
    void aCalendarWithTooManyDaysIsRefused() throws Exception {
        String days = IntStream.range(0, 367).mapToObj(i -> "\"2031-01-01\"").collect(Collectors.joining(","));
        refusedNaming(send(put("/api/v1/calendar/years/2031"), "{\"workingHours\":[{\"from\":\"07:30\",\"to\":\"11:30\"}],"
                + "\"weekendDays\":[\"SATURDAY\",\"SUNDAY\"],\"holidays\":[" + days + "]}", ADMIN), "holidays");
    }

    @Test
    void aProcedureWithTooManyPartsIsRefused() throws Exception {
        long procedures = count("procedure");
        for (String list : List.of("components", "cases", "forms", "fees", "legalBasis", "subjects")) {
            String item = list.equals("subjects") ? "\"Công dân\"" : "{\"name\":\"x\"}";
            refusedNaming(send(post("/api/v1/procedures"), "{\"code\":\"9.999001\",\"name\":\"Thủ tục thử giới hạn\",\"" + list
                    + "\":[" + repeat(item, 201) + "]}", ADMIN), list);
        }
        refusedNaming(send(post("/api/v1/procedures"), "{\"code\":\"9.999002\",\"name\":\"Thủ tục thử giới hạn\",\"cases\":[{\"id\":\"1\","
                + "\"name\":\"Trường hợp\",\"steps\":[" + repeat("{\"name\":\"Bước\"}", 51) + "]}]}", ADMIN), "cases[0].steps");
        assertThat(count("procedure")).isEqualTo(procedures);
    }
}
