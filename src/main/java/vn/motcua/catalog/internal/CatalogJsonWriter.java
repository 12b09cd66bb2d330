package vn.motcua.catalog.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.ProcedureDetail;

/** Writes the catalogue as JSON: an array of procedures in the API's shape. */
@Component
public class CatalogJsonWriter {

    private final JsonMapper json;

    public CatalogJsonWriter(JsonMapper json) {
        this.json = json;
    }

    public byte[] write(List<ProcedureDetail> procedures) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(procedures);
    }
}
