package vn.motcua.reform;

/** A unit's function (chức năng) or one of its tasks (nhiệm vụ, quyền hạn). */
public enum UnitFunctionKind {
    FUNCTION, TASK
}
