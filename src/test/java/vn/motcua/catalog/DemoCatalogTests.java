package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.support.IntegrationTest;

/**
 * The demo catalogue is data ({@code catalog/demo-procedures.json}) loaded through
 * the catalogue's own JSON import. It must be what the demo catalogue was when
 * it was built in Java: {@code catalog/demo-catalogue-expected.json} is the
 * export of that catalogue (every code with its publication state, and two
 * procedures in full).
 */
class DemoCatalogTests extends IntegrationTest {

    @Autowired
    CatalogService catalog;
    @Autowired
    JsonMapper json;

    @Test
    void theDemoCatalogueIsTheOneThatWasBuiltInJava() throws Exception {
        JsonNode expected = read("catalog/demo-catalogue-expected.json");
        List<JsonNode> procedures = expected.get("procedures").valueStream().toList();
        assertThat(procedures).hasSize(51);
        assertThat(procedures.stream().filter(p -> p.get("procedureStatus").asString().equals("PUBLISHED"))).hasSize(48);

        Map<String, ProcedureDetail> loaded = catalog.exportAll().stream()
                .collect(Collectors.toMap(ProcedureDetail::code, p -> p));
        for (JsonNode p : procedures) {
            String code = p.get("code").asString();
            ProcedureDetail d = loaded.get(code);
            assertThat(d).as(code).isNotNull();
            assertThat(d.procedureStatus().name()).as(code).isEqualTo(p.get("procedureStatus").asString());
            assertThat(d.latestVersion()).as(code).isEqualTo(p.get("latestVersion").asInt());
            assertThat(d.publishedVersion()).as(code)
                    .isEqualTo(p.get("publishedVersion").isNull() ? null : p.get("publishedVersion").asInt());
        }
        for (Map.Entry<String, JsonNode> full : expected.get("full").properties()) {
            assertThat(comparable(loaded.get(full.getKey()))).as(full.getKey()).isEqualTo(full.getValue());
        }
    }

    @Test
    void theDemoResourceIsReadByTheImportWithoutErrors() throws Exception {
        JsonNode resource = read("catalog/demo-procedures.json");
        assertThat(resource.size()).isEqualTo(51);
        assertThat(resource.valueStream().filter(p -> p.path("status").asString("").equals("PUBLISHED"))
                .allMatch(p -> p.path("publication").has("decision") && p.path("publication").has("decidedOn"))).isTrue();
        assertThat(resource.valueStream().map(p -> p.get("code").asString()).distinct()).hasSize(51);
    }

    /** The exported procedure without what changes from one loading to the next (times, revision, unit ids). */
    private JsonNode comparable(ProcedureDetail d) {
        ObjectNode o = (ObjectNode) json.readTree(json.writeValueAsString(d));
        o.remove("updatedAt");
        o.remove("revision");
        for (String k : List.of("publication", "withdrawal")) {
            if (o.get(k) instanceof ObjectNode pub) {
                pub.remove("recordedAt");
            }
        }
        stripUnitIds(o);
        return o;
    }

    private static void stripUnitIds(JsonNode n) {
        if (n instanceof ObjectNode o) {
            if (o.size() == 4 && o.has("id") && o.has("code") && o.has("name") && o.has("kind")) {
                o.remove("id");
            }
            o.values().forEach(DemoCatalogTests::stripUnitIds);
        } else if (n.isArray()) {
            n.values().forEach(DemoCatalogTests::stripUnitIds);
        }
    }

    private JsonNode read(String path) throws Exception {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return json.readTree(in);
        }
    }
}
