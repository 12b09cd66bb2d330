package vn.motcua.dossier;

/** A person (công dân) or an organisation (tổ chức, doanh nghiệp). */
public enum ApplicantKind {
    PERSON, ORGANIZATION
}
