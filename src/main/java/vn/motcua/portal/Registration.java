package vn.motcua.portal;

import vn.motcua.dossier.ApplicantKind;

/** What a citizen or organisation enters to open a portal account. */
public record Registration(ApplicantKind kind, String identityNumber, String fullName, String phone, String email,
                           String address, String password, String passwordConfirmation) {
}
