package vn.motcua.integration.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The national portal's formats: times as {@code yyyyMMddHHmmss} in
 * Asia/Ho_Chi_Minh, and MotCua's record renamed to the configured national
 * field names.
 */
public final class NationalFormat {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZONE);

    /** The record's fields that are times (ISO-8601 instants in the outbox, {@link #TIME} on the wire). */
    static final Set<String> TIMES = Set.of("filedAt", "receivedAt", "appointmentAt", "finishedAt", "returnedAt",
            "refusedAt", "at", "startedAt", "dueAt");

    private NationalFormat() {
    }

    public static String iso(Instant i) {
        return i == null ? null : i.toString();
    }

    public static String iso(OffsetDateTime t) {
        return t == null ? null : t.toInstant().toString();
    }

    public static String national(Instant i) {
        return i == null ? null : TIME.format(i);
    }

    /** A national time back to an instant; null when empty or unreadable. */
    public static Instant parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.trim(), DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).atZone(ZONE).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * MotCua's record (field → value, a {@code history} list of entries) in
     * the national names; a field mapped to nothing is left out, and so is a
     * field without a value.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> toNational(Map<String, Object> record, NationalPortalProperties props) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : record.entrySet()) {
            String name = props.field(e.getKey());
            if (name == null || e.getValue() == null) {
                continue;
            }
            Object v = e.getValue();
            if ("history".equals(e.getKey()) && v instanceof List) {
                List<Object> entries = new ArrayList<>();
                for (Object o : (List<Object>) v) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    for (Map.Entry<String, Object> f : ((Map<String, Object>) o).entrySet()) {
                        String n = props.field("history." + f.getKey());
                        if (n != null && f.getValue() != null) {
                            entry.put(n, value(f.getKey(), f.getValue(), props));
                        }
                    }
                    entries.add(entry);
                }
                v = entries;
            } else {
                v = value(e.getKey(), v, props);
            }
            out.put(name, v);
        }
        return out;
    }

    private static Object value(String key, Object v, NationalPortalProperties props) {
        if (TIMES.contains(key) && v instanceof String s) {
            return national(Instant.parse(s));
        }
        if ("status".equals(key) && v instanceof Number n) {
            return props.status(n.intValue());
        }
        return v;
    }
}
