package vn.motcua.portal;

import vn.motcua.dossier.ApplicantKind;

/** What a citizen or organisation enters to open a portal account. */
public record Registration(ApplicantKind kind, String identityNumber, String fullName, String phone, String email,
                           String address, String password, String passwordConfirmation) {

    /** Without the passwords, should a registration ever be logged. */
    @Override
    public String toString() {
        return "Registration[kind=" + kind + ", identityNumber=" + identityNumber + ", fullName=" + fullName + "]";
    }
}
