package vn.motcua.feedback.web;

import vn.motcua.feedback.FeedbackKind;
import vn.motcua.feedback.FeedbackSubject;
import vn.motcua.feedback.FileFeedback;

/** The PAKN form of the public site and the portal. {@code contact} and {@code attachments} only carry their errors. */
public class FeedbackForm {

    private FeedbackKind kind = FeedbackKind.REFLECTION;
    private String senderName;
    private String email;
    private String phone;
    private String address;
    private FeedbackSubject subject = FeedbackSubject.PROCEDURE;
    private String procedureCode;
    private Long unitId;
    private String officerName;
    private String dossierCode;
    private String title;
    private String content;

    public FileFeedback toCommand() {
        return new FileFeedback(kind, senderName, email, phone, address, subject, procedureCode, unitId, officerName, dossierCode,
                title, content);
    }

    public FeedbackKind getKind() {
        return kind;
    }

    public void setKind(FeedbackKind kind) {
        this.kind = kind;
    }

    public String getSenderName() {
        return senderName;
    }

    public void setSenderName(String senderName) {
        this.senderName = senderName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public FeedbackSubject getSubject() {
        return subject;
    }

    public void setSubject(FeedbackSubject subject) {
        this.subject = subject;
    }

    public String getProcedureCode() {
        return procedureCode;
    }

    public void setProcedureCode(String procedureCode) {
        this.procedureCode = procedureCode;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public String getOfficerName() {
        return officerName;
    }

    public void setOfficerName(String officerName) {
        this.officerName = officerName;
    }

    public String getDossierCode() {
        return dossierCode;
    }

    public void setDossierCode(String dossierCode) {
        this.dossierCode = dossierCode;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public String getContact() {
        return null;
    }

    public void setContact(String ignored) {
        // errors only
    }

    public String getAttachments() {
        return null;
    }

    public void setAttachments(String ignored) {
        // errors only
    }
}
