package vn.motcua.dossier;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.shared.Texts;

/**
 * The phone numbers and e-mail addresses that one-stop officers recorded for
 * an applicant on dossiers filed in person at a desk, where the officer had
 * the applicant's papers in hand. Contacts of online filings (typed by
 * whoever filed) and of postal filings are left out: the portal sends
 * identity-proofing codes to these contacts only.
 */
@Service
@Transactional(readOnly = true)
public class ApplicantContacts {

    /** How many of the applicant's newest desk dossiers are read. */
    private static final int DOSSIERS = 50;

    /** One way to reach the applicant. */
    public record Contact(Kind kind, String value) {

        public enum Kind { PHONE, EMAIL }
    }

    private final JdbcClient jdbc;

    public ApplicantContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The distinct contacts recorded on the applicant's dossiers filed in
     * person, newest dossier first: a person by the 12-digit citizen ID, an
     * organisation by its tax code. Phone numbers are given as 0… (a +84
     * prefix rewritten), e-mail addresses in lower case.
     */
    public List<Contact> recordedAtDesk(String identityNumber) {
        if (Texts.isBlank(identityNumber)) {
            return List.of();
        }
        String k = identityNumber.strip();
        Set<Contact> out = new LinkedHashSet<>();
        jdbc.sql("""
                SELECT d.applicant_phone, d.applicant_email FROM dossier d
                 WHERE (d.applicant_id_number = ? OR d.applicant_tax_code = ?) AND d.channel = ?
                 ORDER BY d.filed_at DESC, d.id DESC LIMIT ?""")
                .params(k, k, Channel.IN_PERSON.name(), DOSSIERS)
                .query(rs -> {
                    String phone = phone(rs.getString(1));
                    if (phone != null) {
                        out.add(new Contact(Contact.Kind.PHONE, phone));
                    }
                    String email = rs.getString(2);
                    if (!Texts.isBlank(email) && email.contains("@")) {
                        out.add(new Contact(Contact.Kind.EMAIL, email.strip().toLowerCase(Locale.ROOT)));
                    }
                });
        return new ArrayList<>(out);
    }

    private static String phone(String raw) {
        if (Texts.isBlank(raw)) {
            return null;
        }
        String p = raw.replaceAll("[\\s.\\-()]", "");
        if (p.startsWith("+84")) {
            p = "0" + p.substring(3);
        } else if (p.startsWith("84") && p.length() == 11) {
            p = "0" + p.substring(2);
        }
        return p.matches("\\d{9,15}") ? p : null;
    }
}
