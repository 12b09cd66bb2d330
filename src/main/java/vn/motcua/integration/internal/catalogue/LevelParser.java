package vn.motcua.integration.internal.catalogue;

import vn.motcua.organization.UnitLevel;
import vn.motcua.shared.Texts;

/**
 * Reads the level that implements a procedure (cấp thực hiện): "Cấp tỉnh",
 * "Cấp xã", the national database's codes (0 ministry, 1 province, 2 district,
 * 3 commune), or several levels in one text.
 *
 * <p>Since 1 July 2025 local government has two tiers: a district-level
 * procedure is now done by the commune (GUESSED); a ministry-level one is not
 * the province's to publish (needs a person). Several levels: the first one
 * named is taken (GUESSED: the national database lists one procedure for all
 * the levels that carry it out).
 */
public final class LevelParser {

    private LevelParser() {
    }

    public static Parsed<UnitLevel> parse(String text) {
        String f = Texts.fold(Texts.clean(text));
        if (Texts.isBlank(f)) {
            return Parsed.needsPerson("level.missing");
        }
        int province = first(f, "cap tinh", "tinh", "1");
        int district = first(f, "cap huyen", "huyen", "2");
        int commune = first(f, "cap xa", "xa", "3");
        int central = first(f, "cap bo", "bo", "0", "trung uong", "cap trung uong");
        int count = (province >= 0 ? 1 : 0) + (district >= 0 ? 1 : 0) + (commune >= 0 ? 1 : 0) + (central >= 0 ? 1 : 0);
        if (count == 0) {
            return Parsed.needsPerson("level.unreadable");
        }
        int min = Integer.MAX_VALUE;
        for (int i : new int[] {province, district, commune, central}) {
            if (i >= 0) {
                min = Math.min(min, i);
            }
        }
        boolean several = count > 1;
        if (min == central) {
            return several ? level(province >= 0 ? UnitLevel.PROVINCE : UnitLevel.COMMUNE, true, "level.several")
                    : Parsed.needsPerson("level.central");
        }
        if (min == province) {
            return level(UnitLevel.PROVINCE, several, several ? "level.several" : "level.province");
        }
        if (min == district) {
            return level(UnitLevel.COMMUNE, true, several ? "level.several" : "level.district");
        }
        return level(UnitLevel.COMMUNE, several, several ? "level.several" : "level.commune");
    }

    private static Parsed<UnitLevel> level(UnitLevel l, boolean guessed, String reason) {
        return guessed ? Parsed.guessed(l, reason) : Parsed.parsed(l, reason);
    }

    /** Where the first of the words stands in the text as a whole word (or -1). */
    private static int first(String f, String... words) {
        int best = -1;
        for (String w : words) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(^|[^a-z0-9])" + java.util.regex.Pattern.quote(w)
                    + "($|[^a-z0-9])").matcher(f);
            if (m.find()) {
                int at = m.start() + m.group(1).length();
                best = best < 0 ? at : Math.min(best, at);
            }
        }
        return best;
    }
}
