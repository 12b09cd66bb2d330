package vn.motcua.portal.internal;

/** How contact details are shown where they must not be read in full: pages that offer a code, and logs. */
public final class Masking {

    private Masking() {
    }

    /** A phone number with every digit but the last three replaced: {@code 0912345678} → {@code *******678}. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String p = phone.strip();
        int keep = Math.min(3, p.length());
        StringBuilder out = new StringBuilder(p.length());
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            out.append(i < p.length() - keep && Character.isDigit(c) ? '*' : c);
        }
        return out.toString();
    }

    /** An e-mail address with the first letter of each part kept: {@code tran.thi.mai@example.vn} → {@code t***@e***.vn}. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        String e = email.strip();
        int at = e.lastIndexOf('@');
        if (at <= 0 || at == e.length() - 1) {
            return "***";
        }
        String domain = e.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String host = dot > 0 ? domain.substring(0, dot) : domain;
        String tld = dot > 0 ? domain.substring(dot) : "";
        return e.charAt(0) + "***@" + host.charAt(0) + "***" + tld;
    }
}
