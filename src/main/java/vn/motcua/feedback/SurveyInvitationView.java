package vn.motcua.feedback;

import java.time.LocalDate;

/** What an invitee sees: the campaign, the dossier it is about, whether it is still open and already answered. */
public record SurveyInvitationView(long id, String surveyTitle, String dossierCode, String unitName, LocalDate closesOn, boolean open,
                                   boolean answered) {
}
