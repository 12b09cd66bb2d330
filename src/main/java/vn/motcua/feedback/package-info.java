/**
 * Feedback: the public's voice. Feedback and recommendations (phản ánh, kiến
 * nghị, PAKN) on administrative regulations and procedures with the legal
 * time limits of Decree 20/2008 as amended by Decree 92/2017
 * ({@link vn.motcua.feedback.FeedbackService}); the satisfaction statistics
 * over the portal's per-dossier ratings, the nine-criteria agency assessment
 * ({@link vn.motcua.feedback.AssessmentService}), the SIPAS-shaped survey
 * campaigns ({@link vn.motcua.feedback.SurveyService}) and the public
 * consultations on drafts ({@link vn.motcua.feedback.ConsultationService}).
 * Dossiers are known from the dossier module's events (its own read model),
 * ratings from the portal's {@link vn.motcua.portal.DossierRated}. What it
 * publishes is listed in docs/feedback.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feedback",
        allowedDependencies = {"shared", "organization", "calendar", "catalog", "dossier", "warehouse", "audit", "portal"})
package vn.motcua.feedback;
