package vn.motcua.dossier;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.Texts;

/** Who files the dossier. Persons carry a 12-digit citizen ID; organisations a tax code. */
public record Applicant(
        @NotNull(message = "{validation.required}") ApplicantKind kind,
        @NotBlank(message = "{validation.required}") @Size(max = 255, message = "{validation.tooLong}") String fullName,
        String idNumber,
        String taxCode,
        @Size(max = 30, message = "{validation.tooLong}") String phone,
        @Email(message = "{validation.email}") @Size(max = 255, message = "{validation.tooLong}") String email,
        @Size(max = 500, message = "{validation.tooLong}") String address) {

    private static final java.util.regex.Pattern CITIZEN_ID = java.util.regex.Pattern.compile("\\d{12}");
    private static final java.util.regex.Pattern TAX_CODE = java.util.regex.Pattern.compile("\\d{10}(-\\d{3})?");

    /** Normalised (NFC, trimmed) and checked; throws InvalidInput naming the fields. */
    public Applicant normalized() {
        Applicant a = new Applicant(kind, Texts.clean(fullName), strip(idNumber), strip(taxCode), strip(phone),
                Texts.isBlank(email) ? null : email.trim(), Texts.clean(address));
        Map<String, String> errors = new LinkedHashMap<>();
        if (a.kind() == null) {
            errors.put("applicant.kind", "validation.required");
        }
        if (Texts.isBlank(a.fullName())) {
            errors.put("applicant.fullName", "validation.required");
        }
        if (a.kind() == ApplicantKind.PERSON && (a.idNumber() == null || !CITIZEN_ID.matcher(a.idNumber()).matches())) {
            errors.put("applicant.idNumber", "applicant.idNumber.invalid");
        }
        if (a.kind() == ApplicantKind.ORGANIZATION && (a.taxCode() == null || !TAX_CODE.matcher(a.taxCode()).matches())) {
            errors.put("applicant.taxCode", "applicant.taxCode.invalid");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return a;
    }

    private static String strip(String s) {
        return Texts.isBlank(s) ? null : s.replaceAll("\\s+", "");
    }
}
