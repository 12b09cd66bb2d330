package vn.motcua.integration.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How MotCua reaches the National Public Service Portal
 * ({@code motcua.integration.national-portal.*}, docs/integration.md §2):
 * address, credentials, the signing key of the message log, timings, and the
 * field and status mappings of the message (defaults as provincial systems
 * send them today; a deployment renames a field, or drops it with an empty
 * name, without a new release).
 */
@Component
@ConfigurationProperties("motcua.integration.national-portal")
public class NationalPortalProperties {

    /** The defaults of {@link #getFields()}: MotCua's name of a field → the national name. */
    public static final Map<String, String> DEFAULT_FIELDS;

    static {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("code", "MaHoSo");
        f.put("procedureCode", "MaTTHC");
        f.put("procedureName", "TenTTHC");
        f.put("channel", "KenhThucHien");
        f.put("applicantIdNumber", "SoGiayToChuHoSo");
        f.put("applicantName", "ChuHoSo");
        f.put("applicantKind", "LoaiDoiTuong");
        f.put("applicantEmail", "Email");
        f.put("applicantPhone", "SoDienThoai");
        f.put("applicantAddress", "DiaChiChuHoSo");
        f.put("summary", "TrichYeuHoSo");
        f.put("filedAt", "NgayNopHoSo");
        f.put("receivedAt", "NgayTiepNhan");
        f.put("appointmentAt", "NgayHenTra");
        f.put("status", "TrangThaiHoSo");
        f.put("finishedAt", "NgayKetThucXuLy");
        f.put("returnedAt", "NgayTra");
        f.put("refusedAt", "NgayTuChoi");
        f.put("handlingUnit", "DonViXuLy");
        f.put("receivingUnitCode", "NoiNopHoSo");
        f.put("note", "GhiChu");
        f.put("identifiers", "DinhDanhCHS");
        f.put("history", "QuaTrinhXuLy");
        // one processing-history entry
        f.put("history.code", "MaHoSo");
        f.put("history.actor", "NguoiXuLy");
        f.put("history.actorTitle", "ChucDanh");
        f.put("history.at", "ThoiDiemXuLy");
        f.put("history.unit", "PhongBanXuLy");
        f.put("history.content", "NoiDungXuLy");
        f.put("history.status", "TrangThai");
        f.put("history.startedAt", "NgayBatDau");
        f.put("history.dueAt", "NgayKetThucTheoQuyDinh");
        DEFAULT_FIELDS = java.util.Collections.unmodifiableMap(f);
    }

    /** The far side's base address; empty = not connected (the sender stays idle). */
    private String url = "";
    private String username = "";
    private String password = "";
    /** The key that signs the message log (HMAC-SHA256); required in production. */
    private String hmacKey = "";
    /** The unit code sent as {@code madonvi} (the province's code at the national portal). */
    private String unitCode = "000.00.00.H40";
    private String authPath = "/auth";
    private String servicePath = "/service";
    /** How long a session token is used before a new one is asked for (renewed earlier when refused). */
    private Duration sessionTtl = Duration.ofMinutes(10);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(20);
    /** How long a claimed message is reserved for its sender; a sender that stops leaves it to another after this. */
    private Duration lease = Duration.ofMinutes(2);
    /** The wait after the first failure; doubled after each further failure, up to {@link #backoffCap}. */
    private Duration backoffBase = Duration.ofSeconds(30);
    private Duration backoffCap = Duration.ofHours(1);
    /** After this many failed attempts a message waits for a person ("send again" on the failures page). */
    private int maxAttempts = 48;
    private Duration poll = Duration.ofSeconds(15);
    private int batch = 50;
    /** The reconciliation's window: acts of the last … (the nightly run looks at the day before). */
    private Duration reconciliationWindow = Duration.ofHours(24);
    /** Overrides of {@link #DEFAULT_FIELDS}. */
    private Map<String, String> fields = new LinkedHashMap<>();
    /** MotCua status code (1–10) → the code sent, where a deployment must differ from DOMAIN.md §3. */
    private Map<Integer, Integer> statuses = new LinkedHashMap<>();

    public boolean connected() {
        return url != null && !url.isBlank();
    }

    /** The national name of a field; null when the field is not sent. */
    public String field(String name) {
        String n = fields.containsKey(name) ? fields.get(name) : DEFAULT_FIELDS.get(name);
        return n == null || n.isBlank() ? null : n;
    }

    /** The status code sent for MotCua's status code. */
    public int status(int local) {
        Integer n = statuses.get(local);
        return n == null ? local : n;
    }

    /** The inverse of {@link #status(int)}: MotCua's code for a national code (identity unless mapped). */
    public int localStatus(int national) {
        for (Map.Entry<Integer, Integer> e : statuses.entrySet()) {
            if (e.getValue() == national) {
                return e.getKey();
            }
        }
        return national;
    }

    /** The base address without a trailing slash. */
    public String baseUrl() {
        return url == null ? "" : url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getHmacKey() { return hmacKey; }
    public void setHmacKey(String hmacKey) { this.hmacKey = hmacKey; }
    public String getUnitCode() { return unitCode; }
    public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
    public String getAuthPath() { return authPath; }
    public void setAuthPath(String authPath) { this.authPath = authPath; }
    public String getServicePath() { return servicePath; }
    public void setServicePath(String servicePath) { this.servicePath = servicePath; }
    public Duration getSessionTtl() { return sessionTtl; }
    public void setSessionTtl(Duration sessionTtl) { this.sessionTtl = sessionTtl; }
    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
    public Duration getRequestTimeout() { return requestTimeout; }
    public void setRequestTimeout(Duration requestTimeout) { this.requestTimeout = requestTimeout; }
    public Duration getLease() { return lease; }
    public void setLease(Duration lease) { this.lease = lease; }
    public Duration getBackoffBase() { return backoffBase; }
    public void setBackoffBase(Duration backoffBase) { this.backoffBase = backoffBase; }
    public Duration getBackoffCap() { return backoffCap; }
    public void setBackoffCap(Duration backoffCap) { this.backoffCap = backoffCap; }
    public int getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
    public Duration getPoll() { return poll; }
    public void setPoll(Duration poll) { this.poll = poll; }
    public int getBatch() { return batch; }
    public void setBatch(int batch) { this.batch = batch; }
    public Duration getReconciliationWindow() { return reconciliationWindow; }
    public void setReconciliationWindow(Duration reconciliationWindow) { this.reconciliationWindow = reconciliationWindow; }
    public Map<String, String> getFields() { return fields; }
    public void setFields(Map<String, String> fields) { this.fields = fields; }
    public Map<Integer, Integer> getStatuses() { return statuses; }
    public void setStatuses(Map<Integer, Integer> statuses) { this.statuses = statuses; }
}
