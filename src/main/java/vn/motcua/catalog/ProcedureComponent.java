package vn.motcua.catalog;

/**
 * A dossier component (thành phần hồ sơ): a paper the applicant brings, with
 * the number of originals and copies, and optionally the code of the form
 * (mẫu đơn, tờ khai) it is made on.
 */
public record ProcedureComponent(String name, Integer originals, Integer copies, String form) {
}
