package vn.motcua.platform;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import vn.motcua.support.IntegrationTest;

/** The OpenAPI document is public and describes the endpoints of API.md. */
class ApiDocumentationTests extends IntegrationTest {

    @Test
    void theOpenApiDocumentListsTheContractsEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/procedures/{code}")))
                .andExpect(content().string(containsString("/api/v1/calendar/due")))
                .andExpect(content().string(containsString("/api/v1/tracking/{code}")))
                .andExpect(content().string(containsString("/api/v1/calendar/years/{year}")))
                .andExpect(content().string(containsString("/api/v1/dossiers/{code}/{action}")))
                .andExpect(content().string(containsString("/api/v1/dossiers/{code}/history")))
                .andExpect(content().string(containsString("/api/v1/dossiers/{code}/slips/{kind}")))
                .andExpect(content().string(containsString("/api/v1/dossiers/{code}/components/{seq}/scan")));
    }
}
