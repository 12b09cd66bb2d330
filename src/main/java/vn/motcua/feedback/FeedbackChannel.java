package vn.motcua.feedback;

/** Where a PAKN was filed: the public site (no account), the citizen portal (signed in), or the API. */
public enum FeedbackChannel { PUBLIC_SITE, PORTAL, API }
