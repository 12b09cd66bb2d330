package vn.motcua.reform;

/** What is proposed for the regulation: amend (sửa đổi, bổ sung), replace (thay thế) or annul (bãi bỏ). */
public enum LegalReviewProposal {
    AMEND, REPLACE, ANNUL
}
