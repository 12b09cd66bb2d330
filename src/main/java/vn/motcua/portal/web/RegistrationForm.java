package vn.motcua.portal.web;

import vn.motcua.dossier.ApplicantKind;
import vn.motcua.portal.Registration;

/** The registration form as the page binds it; the rules are the service's (CitizenAccounts.register). */
public class RegistrationForm {

    private String kind = ApplicantKind.PERSON.name();
    private String identityNumber;
    private String fullName;
    private String phone;
    private String email;
    private String address;
    private String password;
    private String passwordConfirmation;

    public Registration toRegistration() {
        ApplicantKind k = null;
        for (ApplicantKind candidate : ApplicantKind.values()) {
            if (candidate.name().equals(kind)) {
                k = candidate;
            }
        }
        return new Registration(k, identityNumber, fullName, phone, email, address, password, passwordConfirmation);
    }

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getIdentityNumber() { return identityNumber; }
    public void setIdentityNumber(String identityNumber) { this.identityNumber = identityNumber; }
    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getPasswordConfirmation() { return passwordConfirmation; }
    public void setPasswordConfirmation(String passwordConfirmation) { this.passwordConfirmation = passwordConfirmation; }
}
