package vn.motcua.integration.internal.catalogue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.catalog.UnitRef;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.Texts;

/**
 * Resolves the implementing agency (cơ quan thực hiện), which the national
 * database writes as a kind of agency common to every province ("Ủy ban nhân
 * dân cấp tỉnh", "Sở Tư pháp", "UBND cấp xã"), to a unit of this province.
 *
 * <ul>
 *   <li>A commune-level procedure is implemented by every commune: the kind COMMUNE
 *       (PARSED when the text names the commune level, else GUESSED).</li>
 *   <li>"Ủy ban nhân dân cấp tỉnh" / "Chủ tịch UBND tỉnh" → the province's People's Committee.</li>
 *   <li>"Sở Tư pháp" (also "Sở Tư pháp tỉnh Nghệ An") → the active provincial unit of that name.</li>
 *   <li>A department merged away in 2025 ("Sở Kế hoạch và Đầu tư", "Sở Tài nguyên và Môi trường"…)
 *       → the department that took over its work, when it exists here (GUESSED: check the division).</li>
 *   <li>Anything else needs a person.</li>
 * </ul>
 * The first of several agencies that resolves wins.
 */
public final class AgencyResolver {

    /** Departments merged or renamed by the 2025 reorganisation of provincial agencies: old → new (folded). */
    static final Map<String, String> SUCCESSORS = Map.ofEntries(
            Map.entry("so ke hoach va dau tu", "so tai chinh"),
            Map.entry("so tai nguyen va moi truong", "so nong nghiep va moi truong"),
            Map.entry("so nong nghiep va phat trien nong thon", "so nong nghiep va moi truong"),
            Map.entry("so giao thong van tai", "so xay dung"),
            Map.entry("so thong tin va truyen thong", "so khoa hoc va cong nghe"),
            Map.entry("so lao dong - thuong binh va xa hoi", "so noi vu"),
            Map.entry("so lao dong, thuong binh va xa hoi", "so noi vu"),
            Map.entry("so lao dong thuong binh va xa hoi", "so noi vu"),
            Map.entry("ban dan toc", "so dan toc va ton giao"),
            Map.entry("ban ton giao", "so dan toc va ton giao"));

    private final Map<String, UnitView> provincialByName = new HashMap<>();
    private UnitView committee;
    private UnitView serviceCentre;

    public AgencyResolver(List<UnitView> units) {
        // the oldest unit of a name wins, whatever order the list comes in
        List<UnitView> byAge = new java.util.ArrayList<>(units);
        byAge.sort(java.util.Comparator.comparingLong(UnitView::id));
        for (UnitView u : byAge) {
            if (!u.active() || u.level() != UnitLevel.PROVINCE) {
                continue;
            }
            if (u.kind() == UnitKind.PEOPLES_COMMITTEE && committee == null) {
                committee = u;
            }
            if (u.kind() == UnitKind.SERVICE_CENTRE && serviceCentre == null) {
                serviceCentre = u;
            }
            if (u.kind() == UnitKind.AGENCY || u.kind() == UnitKind.PEOPLES_COMMITTEE || u.kind() == UnitKind.SERVICE_CENTRE) {
                provincialByName.putIfAbsent(key(u.name()), u);
            }
        }
    }

    /** The province's public administration service centre (its one-stop desk), if there is one. */
    public UnitView serviceCentre() {
        return serviceCentre;
    }

    public Parsed<UnitRef> resolve(List<String> names, UnitLevel level) {
        if (level == UnitLevel.COMMUNE) {
            boolean named = names.stream().map(n -> Texts.fold(Texts.clean(n))).anyMatch(n -> n != null
                    && (n.contains("xa") || n.contains("phuong") || n.contains("dac khu")));
            return named ? Parsed.parsed(UnitRef.kind(UnitKind.COMMUNE), "agency.commune")
                    : Parsed.guessed(UnitRef.kind(UnitKind.COMMUNE), "agency.communeDefault");
        }
        if (names.isEmpty()) {
            return Parsed.needsPerson("agency.missing");
        }
        Parsed<UnitRef> guess = null;
        for (String name : names) {
            String k = key(name);
            if (k.isEmpty()) {
                continue;
            }
            if (committee != null && (k.equals("uy ban nhan dan cap tinh") || k.equals("uy ban nhan dan")
                    || k.equals("chu tich uy ban nhan dan cap tinh") || k.equals("chu tich uy ban nhan dan"))) {
                return Parsed.parsed(ref(committee), "agency.committee");
            }
            UnitView u = provincialByName.get(k);
            if (u != null) {
                return Parsed.parsed(ref(u), "agency.unit");
            }
            String successor = SUCCESSORS.get(k);
            if (successor != null && provincialByName.containsKey(successor) && guess == null) {
                guess = Parsed.guessed(ref(provincialByName.get(successor)), "agency.merged");
            }
        }
        return guess != null ? guess : Parsed.needsPerson("agency.unknown");
    }

    private static UnitRef ref(UnitView u) {
        return new UnitRef(u.id(), u.code(), u.name(), null);
    }

    /**
     * Folded, "UBND" spelled out, without the province's name or a trailing
     * "tỉnh": "Sở Tư pháp tỉnh Nghệ An" and "Sở Tư pháp" give the same key.
     */
    static String key(String name) {
        String f = Texts.fold(Texts.clean(name));
        if (f == null) {
            return "";
        }
        f = f.replaceAll("\\bubnd\\b", "uy ban nhan dan").replaceAll("[.;]+$", "").strip();
        f = f.replaceAll("\\s+(tinh|thanh pho)\\s+[a-z ]+$", "").replaceAll("\\s+(tinh|cap tinh)$", "");
        if (f.startsWith("uy ban nhan dan") || f.startsWith("chu tich uy ban nhan dan")) {
            f = f.replaceAll("\\s+(tinh|cap tinh)$", "");
            if (f.equals("uy ban nhan dan") || f.equals("chu tich uy ban nhan dan")) {
                return f;
            }
        }
        return f;
    }
}
