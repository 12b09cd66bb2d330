package vn.motcua.integration.internal.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.shared.Texts;

/**
 * Reads a procedure given as the public pages show it: one text per field,
 * under the page's Vietnamese labels ("Mã thủ tục", "Tên thủ tục", "Cấp thực
 * hiện", "Cơ quan thực hiện", "Lĩnh vực", "Cách thức thực hiện", "Thời hạn
 * giải quyết", "Phí, lệ phí", "Thành phần hồ sơ", "Kết quả thực hiện", "Căn
 * cứ pháp lý", "Đối tượng thực hiện"). Labels are matched without diacritics,
 * case or punctuation, so "Ma thu tuc" and "maThuTuc" work too. Used for the
 * public-page JSON and for the sheets' headers. Multi-valued fields have one
 * value per line.
 */
public final class PublicFields {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("mathutuc", "code"), Map.entry("matthc", "code"), Map.entry("ma", "code"),
            Map.entry("tenthutuc", "name"), Map.entry("tentthc", "name"), Map.entry("ten", "name"),
            Map.entry("capthuchien", "level"), Map.entry("cap", "level"),
            Map.entry("coquanthuchien", "agency"), Map.entry("coquangiaiquyet", "agency"),
            Map.entry("linhvuc", "field"), Map.entry("linhvucthuchien", "field"),
            Map.entry("cachthucthuchien", "methods"), Map.entry("hinhthucnop", "methods"),
            Map.entry("thoihangiaiquyet", "duration"), Map.entry("thoigiangiaiquyet", "duration"),
            Map.entry("philephi", "fee"), Map.entry("lephi", "fee"), Map.entry("phi", "fee"),
            Map.entry("thanhphanhoso", "components"),
            Map.entry("ketquathuchien", "result"), Map.entry("ketqua", "result"),
            Map.entry("cancuphaply", "legal"),
            Map.entry("doituongthuchien", "subjects"), Map.entry("doituong", "subjects"));

    private static final Pattern LEGAL_NUMBER = Pattern.compile("(\\d{1,5}/\\d{4}/[\\p{L}0-9-]+)");

    private PublicFields() {
    }

    /** The field a label stands for, or null. */
    static String field(String label) {
        String f = Texts.fold(label);
        return f == null ? null : LABELS.get(f.replaceAll("[^a-z0-9]", ""));
    }

    /** True when the header names at least the code and the name. */
    static boolean knowsHeader(List<String> header) {
        List<String> known = header.stream().map(PublicFields::field).toList();
        return known.contains("code") && known.contains("name");
    }

    static RawProcedure read(int seq, Map<String, String> labelled) {
        Map<String, String> f = new java.util.HashMap<>();
        labelled.forEach((label, value) -> {
            String k = field(label);
            if (k != null && value != null && !f.containsKey(k)) {
                f.put(k, value);
            }
        });
        String code = Texts.clean(f.get("code"));
        String name = Texts.clean(f.get("name"));
        if (Texts.isBlank(code) && Texts.isBlank(name)) {
            return RawProcedure.unreadable(seq, null, "record.noCode");
        }
        List<RawProcedure.Component> components = new ArrayList<>();
        String group = null;
        for (String line : SourceReader.lines(f.get("components"))) {
            String folded = Texts.fold(line);
            // "Trường hợp …:" lines head a group of components, as on the public pages
            if (folded.startsWith("truong hop") && line.endsWith(":")) {
                group = line.substring(0, line.length() - 1);
                continue;
            }
            components.add(new RawProcedure.Component(line, null, null, group));
        }
        List<RawProcedure.Legal> legal = new ArrayList<>();
        for (String line : SourceReader.lines(f.get("legal"))) {
            String clean = line.replaceFirst("^[-+•]\\s*", "");
            Matcher m = LEGAL_NUMBER.matcher(clean);
            legal.add(new RawProcedure.Legal(m.find() ? m.group(1) : null, clean));
        }
        List<String> agencies = new ArrayList<>();
        for (String line : SourceReader.lines(f.get("agency"))) {
            for (String a : line.split("\\s*;\\s*")) {
                if (!Texts.isBlank(a)) {
                    agencies.add(a.replaceFirst("^[-+•]\\s*", "").replaceFirst("(?i)^(cơ quan trực tiếp thực hiện|cơ quan có thẩm quyền)\\s*:\\s*", ""));
                }
            }
        }
        List<String> results = SourceReader.lines(f.get("result")).stream().map(s -> s.replaceFirst("^[-+•]\\s*", "")).toList();
        List<String> subjects = SourceReader.lines(f.get("subjects")).stream().map(s -> s.replaceFirst("^[-+•]\\s*", "")).toList();
        return new RawProcedure(seq, null, code, name, f.get("level"), agencies, Texts.clean(f.get("field")), List.of(),
                f.get("methods"), f.get("duration"), f.get("fee"), components, results, legal, subjects);
    }
}
