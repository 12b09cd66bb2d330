package vn.motcua.integration.internal.catalogue;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import vn.motcua.shared.Texts;

/**
 * Reads one record of the national procedure database (CSDL TTHC) as its
 * services LayDanhSachTTHC / LayThuTuc answer it: MATTHC, TENTTHC,
 * CAPTHUCHIEN[], COQUANTHUCHIEN[], LINHVUCTHUCHIEN[], CACHTHUCTHUCHIEN[] with
 * THOIGIAN[] (THOIGIANGIAIQUYET, DONVITINH, MOTA, PHILEPHI[]),
 * THANHPHANHOSO[] with GIAYTO[] (TENGIAYTO, SOBANCHINH, SOBANSAO),
 * KETQUATHUCHIEN[], CANCUPHAPLY[], DOITUONGTHUCHIEN[]. A member may be an
 * array of objects, one object or a plain text; numbers may come as text.
 */
public final class NationalRecords {

    private NationalRecords() {
    }

    public static RawProcedure read(int seq, JsonNode r) {
        if (r == null || !r.isObject()) {
            return RawProcedure.unreadable(seq, null, "record.notObject");
        }
        String code = text(r, "MATTHC");
        String name = text(r, "TENTTHC");
        if (Texts.isBlank(code) && Texts.isBlank(name)) {
            return RawProcedure.unreadable(seq, null, "record.noCode");
        }
        String level = String.join(", ", texts(r.get("CAPTHUCHIEN"), "CAPTHUCHIEN", "TENCAP"));
        List<String> agencies = texts(r.get("COQUANTHUCHIEN"), "TENDONVI", "TENCOQUAN");
        List<String> fields = texts(r.get("LINHVUCTHUCHIEN"), "TENLINHVUC");
        List<RawProcedure.Channel> channels = new ArrayList<>();
        for (JsonNode c : each(r.get("CACHTHUCTHUCHIEN"))) {
            List<RawProcedure.Time> times = new ArrayList<>();
            for (JsonNode t : each(c.get("THOIGIAN"))) {
                List<RawProcedure.Charge> fees = new ArrayList<>();
                for (JsonNode f : each(t.get("PHILEPHI"))) {
                    fees.add(new RawProcedure.Charge(text(f, "MAPHILEPHI"), text(f, "SOTIEN"), text(f, "DONVI"),
                            text(f, "MOTA")));
                }
                times.add(new RawProcedure.Time(text(t, "THOIGIANGIAIQUYET"), text(t, "DONVITINH"), text(t, "MOTA"), fees));
            }
            channels.add(new RawProcedure.Channel(text(c, "KENH"), times));
        }
        List<RawProcedure.Component> components = new ArrayList<>();
        for (JsonNode group : each(r.get("THANHPHANHOSO"))) {
            String g = text(group, "TRUONGHOP");
            JsonNode papers = group.get("GIAYTO");
            if (papers == null && group.has("TENGIAYTO")) {
                components.add(component(group, g));
                continue;
            }
            for (JsonNode p : each(papers)) {
                components.add(component(p, g));
            }
        }
        List<String> results = texts(r.get("KETQUATHUCHIEN"), "TENKETQUA");
        List<RawProcedure.Legal> legal = new ArrayList<>();
        for (JsonNode d : each(r.get("CANCUPHAPLY"))) {
            if (d.isObject()) {
                legal.add(new RawProcedure.Legal(text(d, "SOVANBAN"), text(d, "TENVANBAN")));
            } else if (d.isValueNode()) {
                legal.add(new RawProcedure.Legal(null, d.asString()));
            }
        }
        List<String> subjects = texts(r.get("DOITUONGTHUCHIEN"), "TENDOITUONG");
        return new RawProcedure(seq, null, Texts.clean(code), Texts.clean(name), level, agencies,
                fields.isEmpty() ? null : fields.get(0), channels, null, null, null, components, results, legal, subjects);
    }

    private static RawProcedure.Component component(JsonNode p, String group) {
        if (p.isValueNode()) {
            return new RawProcedure.Component(p.asString(), null, null, group);
        }
        return new RawProcedure.Component(text(p, "TENGIAYTO"), text(p, "SOBANCHINH"), text(p, "SOBANSAO"), group);
    }

    /** The member as text (numbers included); null when absent or not a value. */
    static String text(JsonNode n, String key) {
        if (n == null || !n.isObject()) {
            return null;
        }
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isValueNode()) {
            return v.asString();
        }
        return null;
    }

    /** An array member, one object, or nothing, as a list. */
    static List<JsonNode> each(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(out::add);
        } else {
            out.add(n);
        }
        return out;
    }

    /** Texts of a member that is a text, an array of texts, or (an array of) objects with one of the keys. */
    static List<String> texts(JsonNode n, String... keys) {
        List<String> out = new ArrayList<>();
        for (JsonNode x : each(n)) {
            String t = null;
            if (x.isValueNode()) {
                t = x.asString();
            } else if (x.isObject()) {
                for (String k : keys) {
                    t = text(x, k);
                    if (!Texts.isBlank(t)) {
                        break;
                    }
                }
            }
            if (!Texts.isBlank(t)) {
                out.add(Texts.clean(t));
            }
        }
        return out;
    }
}
