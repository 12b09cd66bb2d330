package vn.motcua.catalog.internal;

import java.io.InputStream;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.ImportError;
import vn.motcua.catalog.ProcedureDetail;

/**
 * The catalogue as files, in the formats an import or export names: JSON (an
 * array in the API's shape) and XLSX (one sheet per part, rows joined by the
 * procedure code). Each format has its reader and writer; this is where the
 * service picks them.
 */
@Component
public class CatalogTransfer {

    /** What a file held: the items read, and the rows or cells that could not be read. */
    public record Parsed(List<ImportItem> items, List<ImportError> errors) {
    }

    private final CatalogJsonReader jsonReader;
    private final CatalogJsonWriter jsonWriter;
    private final CatalogWorkbookReader xlsxReader;
    private final CatalogWorkbookWriter xlsxWriter;

    public CatalogTransfer(CatalogJsonReader jsonReader, CatalogJsonWriter jsonWriter, CatalogWorkbookReader xlsxReader,
                           CatalogWorkbookWriter xlsxWriter) {
        this.jsonReader = jsonReader;
        this.jsonWriter = jsonWriter;
        this.xlsxReader = xlsxReader;
        this.xlsxWriter = xlsxWriter;
    }

    public byte[] writeJson(List<ProcedureDetail> procedures) {
        return jsonWriter.write(procedures);
    }

    public Parsed readJson(InputStream in) {
        return jsonReader.read(in);
    }

    public byte[] writeXlsx(List<ProcedureDetail> procedures) {
        return xlsxWriter.write(procedures);
    }

    public Parsed readXlsx(InputStream in) {
        return xlsxReader.read(in);
    }
}
