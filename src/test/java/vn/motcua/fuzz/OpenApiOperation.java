package vn.motcua.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One operation of the OpenAPI document, reduced to what the fuzzer needs; schemas stay as parsed JSON (maps and lists). */
record OpenApiOperation(String method, String path, List<Parameter> parameters, Map<String, Object> bodies, boolean bodyRequired) {

    /** A path, query or header parameter with its schema. */
    record Parameter(String name, String in, boolean required, Map<String, Object> schema) {
    }

    String key() {
        return method + " " + path;
    }

    boolean writes() {
        return !"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method);
    }

    /** Every operation of the document, ordered by path and method so a seed replays the same walk. */
    @SuppressWarnings("unchecked")
    static List<OpenApiOperation> all(Map<String, Object> document) {
        List<OpenApiOperation> ops = new ArrayList<>();
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        for (Map.Entry<String, Object> p : paths.entrySet()) {
            for (Map.Entry<String, Object> m : ((Map<String, Object>) p.getValue()).entrySet()) {
                Map<String, Object> op = (Map<String, Object>) m.getValue();
                List<Parameter> params = new ArrayList<>();
                for (Object o : (List<Object>) op.getOrDefault("parameters", List.of())) {
                    Map<String, Object> param = (Map<String, Object>) o;
                    params.add(new Parameter((String) param.get("name"), (String) param.get("in"),
                            Boolean.TRUE.equals(param.get("required")), (Map<String, Object>) param.getOrDefault("schema", Map.of())));
                }
                Map<String, Object> body = (Map<String, Object>) op.get("requestBody");
                Map<String, Object> content = body == null ? Map.of() : (Map<String, Object>) body.getOrDefault("content", Map.of());
                ops.add(new OpenApiOperation(m.getKey().toUpperCase(Locale.ROOT), p.getKey(), params, content,
                        body != null && Boolean.TRUE.equals(body.get("required"))));
            }
        }
        ops.sort((a, b) -> a.key().compareTo(b.key()));
        return ops;
    }
}
