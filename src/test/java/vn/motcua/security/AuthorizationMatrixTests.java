package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.SimplificationService;
import vn.motcua.dossier.DossierService;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.portal.CitizenAccounts;
import vn.motcua.portal.OnlineFiling;
import vn.motcua.portal.RatingService;
import vn.motcua.security.AuthorizationMatrix.Caller;
import vn.motcua.security.AuthorizationMatrix.Column;
import vn.motcua.security.AuthorizationMatrix.Note;
import vn.motcua.security.AuthorizationMatrix.Row;
import vn.motcua.support.IntegrationTest;

/**
 * The authorization matrix ({@code src/test/resources/security/authorization-matrix.csv}):
 * every endpoint — the operations of {@code /v3/api-docs}, every route of
 * Spring MVC's request mappings (pages of the staff, the portal, the kiosk,
 * the public pages; the actuator's) — has a row, and every cell of every row
 * is called for real and must answer as written. An endpoint without a row
 * fails (the message holds the rows to paste, with the answers seen today, to
 * be reviewed); so does a row whose endpoint is gone. The Markdown rendering
 * {@code docs/authorization-matrix.md} is written from the CSV by this test.
 * See {@code docs/security/authorization-matrix-guide.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixTests extends IntegrationTest {

    /** Made once per run (the context is shared by every test class, so are these records). */
    private static MatrixFixtures records;
    private static MatrixClient client;
    private static RuntimeException failed;

    @Autowired
    OrganizationService org;
    @Autowired
    CatalogService catalog;
    @Autowired
    DossierService dossiers;
    @Autowired
    OnlineFiling filing;
    @Autowired
    CitizenAccounts citizens;
    @Autowired
    RatingService ratings;
    @Autowired
    SimplificationService simplification;
    @Autowired
    vn.motcua.warehouse.PersonalWarehouse warehouse;
    @Autowired
    MessageSource messages;
    @Autowired
    vn.motcua.supervision.ConductSignals signals;
    @Autowired
    vn.motcua.supervision.BacklogCleanup cleanup;
    @Autowired
    JsonMapper json;
    @Autowired
    ApplicationContext context;

    private MatrixClient client() throws Exception {
        if (failed != null) {
            throw failed;
        }
        if (client == null) {
            try {
                clock.reset();
                records = MatrixFixtures.create(org, catalog, dossiers, filing, citizens, ratings, simplification, warehouse, fixtures, signals, cleanup);
                records.feedback = FeedbackMatrixFixtures.create(context);
                records.reformPlans = ReformPlanMatrixFixtures.create(context);
                MatrixClient c = new MatrixClient(mvc, messages, json, records);
                c.signIn();
                client = c;
            } catch (Exception | AssertionError e) {
                failed = new IllegalStateException("the matrix's records or logins could not be made", e);
                throw failed;
            }
        }
        return client;
    }

    /**
     * One dynamic test per row. The calls themselves are all started at once
     * and run side by side, as a server would serve them, except that the
     * calls carrying one session cookie queue behind each other, as a
     * person's clicks would (Spring Session's JDBC store is not made for two
     * requests of one session creating the same attribute at once); each
     * row's test waits for its own cells.
     */
    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyCellAnswersAsWritten() throws Exception {
        long start = System.nanoTime();
        AuthorizationMatrix matrix = AuthorizationMatrix.load();
        MatrixClient c = client();
        long ready = System.nanoTime();
        Map<Caller, ExecutorService> sessions = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            sessions.put(caller, Executors.newSingleThreadExecutor(daemon("authorization-matrix-" + caller.name().toLowerCase())));
        }
        ExecutorService stateless = Executors.newFixedThreadPool(3, daemon("authorization-matrix"));
        List<ExecutorService> queues = new ArrayList<>(sessions.values());
        queues.add(stateless);
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : matrix.rows) {
            Map<Column, Future<MatrixClient.Outcome>> cells = new LinkedHashMap<>();
            for (Column col : AuthorizationMatrix.COLUMNS) {
                if (!row.cells().get(col.name()).equals("-")) {
                    ExecutorService queue = c.usesSession(row.path(), col.caller()) ? sessions.get(col.caller()) : stateless;
                    cells.put(col, queue.submit(() -> c.call(row, col)));
                }
            }
            tests.add(DynamicTest.dynamicTest(row.key(), () -> check(row, cells)));
        }
        tests.add(DynamicTest.dynamicTest("the matrix changed none of its records", () -> {
            for (ExecutorService q : queues) {
                q.shutdown();
                assertThat(q.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            }
            long calls = matrix.rows.stream().mapToLong(r -> r.cells().values().stream().filter(v -> !v.equals("-")).count()).sum();
            System.out.printf("Authorization matrix: %d rows, %d calls in %.1f s (records and logins %.1f s)%n", matrix.rows.size(),
                    calls, (System.nanoTime() - ready) / 1e9, (ready - start) / 1e9);
            fixturesUnchanged();
        }));
        return tests.stream();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static void check(Row row, Map<Column, Future<MatrixClient.Outcome>> cells) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Column, Future<MatrixClient.Outcome>> cell : cells.entrySet()) {
            Column col = cell.getKey();
            String expected = row.cells().get(col.name());
            MatrixClient.Outcome got;
            try {
                got = cell.getValue().get();
            } catch (ExecutionException e) {
                throw new AssertionError("line " + row.line() + ", " + row.key() + ", " + col.name() + ": the call failed", e.getCause());
            }
            if (got.answer().equals(expected)) {
                continue;
            }
            List<Note> notes = row.notesOn(col.name());
            boolean pendingToday = notes.stream().anyMatch(n -> n.kind() == Note.Kind.PENDING_FIX && n.answer().equals(got.answer()));
            if (pendingToday) {
                continue;
            }
            String hint = notes.stream().filter(n -> n.kind() == Note.Kind.KNOWN_GAP && n.answer().equals(got.answer()))
                    .findFirst().map(n -> " — the KNOWN-GAP is closed: write " + got.answer() + " in the cell and delete the note")
                    .orElse("");
            wrong.add(String.format("  %-17s expected %-9s got %-9s (%s)%s", col.name(), expected, got.answer(), got.seen(), hint));
        }
        assertThat(wrong).as("line " + row.line() + " of authorization-matrix.csv, " + row.key() + ", answered otherwise:\n"
                + String.join("\n", wrong) + "\n").isEmpty();
    }

    private void fixturesUnchanged() {
        assertThat(dossiers.get(records.ownDossier, OfficerScope.everything(null)).version()).isEqualTo(records.ownVersion);
        assertThat(dossiers.get(records.otherDossier, OfficerScope.everything(null)).version()).isEqualTo(records.otherVersion);
        assertThat(catalog.findPublished(records.ownProcedure)).as("the test's procedure is still published").isPresent();
        assertThat(ratings.rated(records.ownDossier)).isFalse();
    }

    // --- every endpoint has a row, every row an endpoint ----------------------------------------------

    /** Last: it calls a new endpoint as every caller to propose its row, which must not disturb the rows' records before they run. */
    @Test
    @Order(4)
    void everyEndpointHasARow() throws Exception {
        AuthorizationMatrix matrix = AuthorizationMatrix.load();
        Set<String> covered = new TreeSet<>();
        matrix.rows.forEach(r -> covered.add(r.operation()));
        List<String> missing = endpoints().stream().filter(e -> !covered.contains(e)).toList();
        if (missing.isEmpty()) {
            return;
        }
        StringBuilder paste = new StringBuilder();
        paste.append(missing.size()).append(" endpoint(s) have no row in src/test/resources/security/authorization-matrix.csv.\n")
                .append("Rows with the answers seen today follow: check every cell (a wrong one is a hole: write the right answer),\n")
                .append("check the request cell (fixtures and parameters), put them in their section, and delete the TODO line.\n\n");
        for (String e : missing) {
            paste.append(proposedRow(e)).append('\n');
        }
        throw new AssertionError(paste.toString());
    }

    @Test
    @Order(3)
    void everyRowNamesAnEndpoint() throws Exception {
        Set<String> endpoints = endpoints();
        List<String> stale = AuthorizationMatrix.load().rows.stream()
                .filter(r -> !endpoints.contains(r.operation()))
                .map(r -> "line " + r.line() + ": " + r.key()).toList();
        assertThat(stale).as("rows of authorization-matrix.csv whose endpoint no longer exists (delete or rename them)").isEmpty();
    }

    /**
     * Every operation the application answers: those of the OpenAPI document,
     * and every mapping of every request-mapping handler mapping (Spring MVC's
     * controllers, springdoc's and Spring Boot's own, the actuator's), as
     * {@code METHOD /pattern} ({@code ANY} for a mapping without methods).
     */
    Set<String> endpoints() throws Exception {
        Set<String> out = new TreeSet<>();
        String docs = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode paths = json.readTree(docs).get("paths");
        for (Map.Entry<String, JsonNode> p : paths.properties()) {
            for (Map.Entry<String, JsonNode> op : p.getValue().properties()) {
                if (Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    out.add(op.getKey().toUpperCase() + " " + p.getKey());
                }
            }
        }
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        out.add("ANY " + pattern);
                    }
                    methods.forEach(m -> out.add(m.name() + " " + pattern));
                }
            }
        }
        return out;
    }

    /** A row for a new endpoint, with the fixtures guessed from the path and the answers it gives today. */
    private String proposedRow(String operation) {
        int space = operation.indexOf(' ');
        String method = operation.substring(0, space);
        String path = operation.substring(space + 1);
        String request = AuthorizationMatrix.guessRequest(path);
        boolean scoped = path.contains("{");
        Map<String, String> cells = new LinkedHashMap<>();
        try {
            MatrixClient c = client();
            MatrixClient.Spec spec = MatrixClient.Spec.parse(request);
            for (Column col : AuthorizationMatrix.COLUMNS) {
                boolean other = col.name().endsWith(".other");
                cells.put(col.name(), other && !scoped ? "-" : c.call(method, path, spec, col).answer());
            }
        } catch (Exception | AssertionError e) {
            return "# TODO " + operation + ": could not be called (" + e.getMessage() + "); fill in by hand\n"
                    + AuthorizationMatrix.csvLine(operation, Map.of(), request);
        }
        return "# TODO new endpoint, answers seen today: review every cell, then delete this line\n"
                + AuthorizationMatrix.csvLine(operation, cells, request);
    }

    // --- the Markdown rendering -------------------------------------------------------------------------

    /** Writes docs/authorization-matrix.md from the CSV when it differs (and the docs folder is there, as in a checkout). */
    @Test
    @Order(2)
    void theMarkdownRenderingFollowsTheCsv() throws Exception {
        String md = AuthorizationMatrix.load().markdown();
        Path docs = Path.of("docs");
        if (Files.isDirectory(docs)) {
            Path file = docs.resolve("authorization-matrix.md");
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(md)) {
                Files.writeString(file, md, StandardCharsets.UTF_8);
            }
        }
        assertThat(md).contains("| `GET /api/v1/dossiers/{code}` |");
    }
}
