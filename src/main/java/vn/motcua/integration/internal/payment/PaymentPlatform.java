package vn.motcua.integration.internal.payment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.CalendarService;

/**
 * The adapter to the payment platform (a PayGov-like national payment
 * platform, docs/integration.md §3): INIT starts a transaction and answers the
 * address where the citizen pays, QUERY tells a transaction's state, GET_BILL
 * gives the receipt (PDF), STATEMENT the day's transactions for the
 * reconciliation. Every message carries {@code MaXacThuc}, the hex SHA-256 of
 * its fields joined with {@code |} and the shared secret; the platform's
 * callback is checked the same way, in constant time ({@link #verify}).
 * Address, partner code and secret come from configuration only
 * ({@code motcua.integration.payment.*}); without them the platform is "not
 * connected" and nothing is offered. A time-out, a 5xx, a dropped
 * connection or an unreadable answer is a {@link PlatformUnavailable}.
 */
@Component
public class PaymentPlatform {

    public static final String VERSION = "1.0.6";
    /** ThoiGianGD: yyyyMMddHHmmss, 24-hour, Vietnam time. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(CalendarService.ZONE);

    /** The far side did not answer usably: nothing was changed on this side. */
    public static class PlatformUnavailable extends RuntimeException {
        public PlatformUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The INIT's answer: where the citizen pays. */
    public record Started(String paymentUrl) {
    }

    /** The QUERY's answer: {@code state} 1 paid, 3 pending, 4 failed (TrangThaiGD); 0 when the platform does not know it. */
    public record TransactionState(int state, long amountVnd, String transactionId, String bankCode, String paidTime) {
        public boolean paid() {
            return state == 1;
        }
    }

    /** One paid transaction in the platform's statement of a day. */
    public record StatementLine(String reference, String transactionId, long amountVnd, String paidTime) {
    }

    private final String url;
    private final String partnerCode;
    private final String secret;
    private final String returnUrl;
    private final Duration timeout;
    private final JsonMapper json;
    private final HttpClient http;

    public PaymentPlatform(@Value("${motcua.integration.payment.url:}") String url,
                           @Value("${motcua.integration.payment.partner-code:}") String partnerCode,
                           @Value("${motcua.integration.payment.secret:}") String secret,
                           @Value("${motcua.integration.payment.return-url:}") String returnUrl,
                           @Value("${motcua.integration.payment.timeout:PT10S}") Duration timeout, JsonMapper json) {
        this.url = strip(url);
        this.partnerCode = partnerCode == null ? "" : partnerCode.trim();
        this.secret = secret == null ? "" : secret;
        this.returnUrl = strip(returnUrl);
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static String strip(String s) {
        if (s == null) {
            return "";
        }
        String t = s.trim();
        return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }

    /** Whether an address, a partner code and a secret are configured. */
    public boolean configured() {
        return !url.isEmpty() && !partnerCode.isEmpty() && !secret.isEmpty();
    }

    public String partnerCode() {
        return partnerCode;
    }

    /** MaXacThuc: hex SHA-256 of the fields joined with '|' and the secret. */
    public String checksum(String... fields) {
        return HexFormat.of().formatHex(digest(fields));
    }

    private byte[] digest(String... fields) {
        StringBuilder b = new StringBuilder();
        for (String f : fields) {
            b.append(f == null ? "" : f).append('|');
        }
        b.append(secret);
        try {
            return MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether {@code given} (hex) is the checksum of the fields: compared as
     * bytes with {@link MessageDigest#isEqual} (time independent of where they
     * differ); anything that is not 64 hex digits is false.
     */
    public boolean verify(String given, String... fields) {
        if (given == null || given.length() != 64 || !configured()) {
            return false;
        }
        byte[] provided;
        try {
            provided = HexFormat.of().parseHex(given);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(digest(fields), provided);
    }

    /** INIT: a transaction for {@code amountVnd} under the reference (MaThamChieu); answers the payment address. */
    public Started init(String reference, long amountVnd, String info, Instant at, String ip, Map<String, Object> receipt) {
        String time = TIME.format(at);
        String amount = Long.toString(amountVnd);
        String address = ip == null ? "" : ip;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("LoaiBanTin", "PAY");
        body.put("PhienBan", VERSION);
        body.put("MaDoiTac", partnerCode);
        body.put("MaThamChieu", reference);
        body.put("SoTien", amount);
        body.put("LoaiHinhThanhToan", "PAYMENT");
        body.put("MaKenhThanhToan", "1");
        body.put("MaThietBi", "1");
        body.put("NgonNgu", "vi-VN");
        body.put("MaTienTe", "VND");
        body.put("MaNganHang", "");
        body.put("ThongTinGiaoDich", info);
        body.put("ThoiGianGD", time);
        body.put("Ip", address);
        body.put("UrlTraVe", returnUrl);
        body.put("ThongTinBienLai", receipt);
        body.put("MaXacThuc", checksum("PAY", VERSION, partnerCode, reference, amount, "PAYMENT", "1", "1", "vi-VN", "VND",
                "", info, time, address));
        JsonNode message = message(post("/init", body));
        String paymentUrl = message.path("UrlThanhToan").asString("");
        if (!paymentUrl.startsWith("https://") && !paymentUrl.startsWith("http://")) {
            throw new PlatformUnavailable("INIT answered no payment address", null);
        }
        return new Started(paymentUrl);
    }

    /** QUERY: the transaction's state as the platform holds it. */
    public TransactionState query(String reference, Instant at) {
        String time = TIME.format(at);
        Map<String, Object> body = signed("QUERY", reference, time);
        JsonNode reply = read(post("/query", body));
        String error = reply.path("MaLoi").asString("");
        if (!"00".equals(error)) {
            return new TransactionState(0, 0, null, null, null);
        }
        return new TransactionState(reply.path("TrangThaiGD").asInt(0), amount(reply.path("SoTien")),
                blankToNull(reply.path("MaGiaoDich").asString("")), blankToNull(reply.path("MaNganHang").asString("")),
                blankToNull(reply.path("ThoiGianGD").asString("")));
    }

    /** GET_BILL: the receipt of a paid transaction, as the platform renders it (PDF). */
    public byte[] bill(String reference, Instant at) {
        HttpResponse<byte[]> r = post("/bill", signed("GET_BILL", reference, TIME.format(at)));
        byte[] pdf = r.body();
        if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new PlatformUnavailable("GET_BILL answered no PDF", null);
        }
        return pdf;
    }

    /** STATEMENT: the transactions the platform holds as paid on the day (Vietnam time), for reconciliation. */
    public List<StatementLine> statement(LocalDate day, Instant at) {
        String d = day.format(DateTimeFormatter.BASIC_ISO_DATE);
        String time = TIME.format(at);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("LoaiBanTin", "STATEMENT");
        body.put("PhienBan", VERSION);
        body.put("MaDoiTac", partnerCode);
        body.put("NgayDoiSoat", d);
        body.put("ThoiGianGD", time);
        body.put("MaXacThuc", checksum("STATEMENT", VERSION, partnerCode, d, time));
        JsonNode reply = read(post("/statement", body));
        if (!"00".equals(reply.path("MaLoi").asString(""))) {
            throw new PlatformUnavailable("STATEMENT refused: " + reply.path("MaLoi").asString(""), null);
        }
        List<StatementLine> out = new ArrayList<>();
        for (JsonNode n : reply.path("DanhSachGiaoDich")) {
            out.add(new StatementLine(n.path("MaThamChieu").asString(""), blankToNull(n.path("MaGiaoDich").asString("")),
                    amount(n.path("SoTien")), blankToNull(n.path("ThoiGianGD").asString(""))));
        }
        return out;
    }

    private Map<String, Object> signed(String kind, String reference, String time) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("LoaiBanTin", kind);
        body.put("PhienBan", VERSION);
        body.put("MaDoiTac", partnerCode);
        body.put("MaThamChieu", reference);
        body.put("ThoiGianGD", time);
        body.put("MaXacThuc", checksum(kind, VERSION, partnerCode, reference, time));
        return body;
    }

    static long amount(JsonNode n) {
        if (n.isNumber()) {
            return n.asLong();
        }
        try {
            return Long.parseLong(n.asString("").trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private HttpResponse<byte[]> post(String path, Map<String, Object> body) {
        if (!configured()) {
            throw new PlatformUnavailable("payment platform not configured", null);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8)).build();
        HttpResponse<byte[]> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new PlatformUnavailable("payment platform unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformUnavailable("interrupted", e);
        }
        if (r.statusCode() / 100 != 2) {
            throw new PlatformUnavailable("payment platform answered HTTP " + r.statusCode(), null);
        }
        return r;
    }

    private JsonNode read(HttpResponse<byte[]> r) {
        try {
            return json.readTree(r.body());
        } catch (RuntimeException e) {
            throw new PlatformUnavailable("payment platform answered no JSON", e);
        }
    }

    /** {error_code "0", message: a JSON text} → the message's object. */
    private JsonNode message(HttpResponse<byte[]> r) {
        JsonNode reply = read(r);
        if (!"0".equals(reply.path("error_code").asString(""))) {
            throw new PlatformUnavailable("payment platform refused: " + reply.path("error_code").asString("")
                    + " " + reply.path("message").asString(""), null);
        }
        JsonNode m = reply.path("message");
        try {
            return m.isObject() ? m : json.readTree(m.asString("{}"));
        } catch (RuntimeException e) {
            throw new PlatformUnavailable("payment platform answered an unreadable message", e);
        }
    }
}
