package vn.motcua.catalog.internal;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.ImportError;
import vn.motcua.catalog.ProcedureCommand;
import vn.motcua.catalog.internal.CatalogTransfer.Parsed;

/**
 * Reads the catalogue from JSON (an array in the API's shape). Reading never
 * stops at the first problem: every unreadable element becomes an
 * {@link ImportError}, and each item points a later rule violation at its
 * element.
 */
@Component
public class CatalogJsonReader {

    private final JsonMapper json;

    public CatalogJsonReader(JsonMapper json) {
        this.json = json;
    }

    public Parsed read(InputStream in) {
        List<ImportItem> items = new ArrayList<>();
        List<ImportError> errors = new ArrayList<>();
        JsonNode root;
        try {
            root = json.readTree(in);
        } catch (JacksonException e) {
            errors.add(new ImportError(null, 0, null, "", "procedure.import.unreadable", new Object[] {e.getOriginalMessage()}));
            return new Parsed(items, errors);
        }
        if (root == null || !root.isArray()) {
            errors.add(new ImportError(null, 0, null, "", "procedure.import.notArray", new Object[0]));
            return new Parsed(items, errors);
        }
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            int row = i + 1;
            String code = node.path("code").isString() ? node.path("code").asString() : null;
            try {
                ProcedureCommand command = json.treeToValue(node, ProcedureCommand.class);
                JsonNode pub = node.path("publication");
                boolean publish = "PUBLISHED".equals(node.path("status").asString(""));
                LocalDate decidedOn = null;
                String decidedText = pub.path("decidedOn").asString("");
                if (!decidedText.isEmpty()) {
                    decidedOn = LocalDate.parse(decidedText);
                }
                String decision = pub.path("decision").isString() ? pub.path("decision").asString() : null;
                String c = code;
                items.add(new ImportItem(command.withCode(code), publish, decision, decidedOn,
                        v -> new ImportError(null, row, c, v.field(), v.messageKey(), v.args().toArray())));
            } catch (JacksonException e) {
                errors.add(new ImportError(null, row, code, path(e), "procedure.import.badValue",
                        new Object[] {e.getOriginalMessage()}));
            } catch (DateTimeParseException e) {
                errors.add(new ImportError(null, row, code, "publication.decidedOn", "procedure.import.badDate",
                        new Object[] {e.getParsedString()}));
            }
        }
        return new Parsed(items, errors);
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
