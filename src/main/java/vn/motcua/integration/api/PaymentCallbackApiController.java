package vn.motcua.integration.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.integration.internal.payment.OnlinePayments;

/**
 * The payment platform's callback ({@code POST /api/v1/payments/callback}):
 * the fields of docs/integration.md §3 as JSON, answered in the platform's
 * own shape ({@code MaLoi}, {@code MoTaLoi}, {@code MaDoiTac},
 * {@code ThoiGianGD}, {@code MaXacThuc}); {@code MaLoi} "00" only when the
 * callback was accepted. Always HTTP 200 with that body, as the platform
 * reads the code, except for a body that is no JSON object (400).
 */
@RestController
public class PaymentCallbackApiController {

    private final OnlinePayments payments;
    private final JsonMapper json;

    public PaymentCallbackApiController(OnlinePayments payments, JsonMapper json) {
        this.payments = payments;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/payments/callback", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> callback(@RequestBody(required = false) String body, HttpServletRequest request) {
        JsonNode tree;
        try {
            tree = body == null ? null : json.readTree(body);
        } catch (RuntimeException e) {
            tree = null;
        }
        if (tree == null || !tree.isObject()) {
            return ResponseEntity.badRequest().body(payments.reply(OnlinePayments.Outcome.BAD_REQUEST));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : tree.propertyNames()) {
            JsonNode v = tree.get(name);
            fields.put(name, v.isValueNode() ? v.asString("") : v.toString());
        }
        OnlinePayments.Outcome outcome = payments.callback(fields, body, request.getRemoteAddr());
        return ResponseEntity.ok(payments.reply(outcome));
    }
}
