-- Decision 766: the indicators module's read model of the public's voice and of the national
-- systems, fed by the feedback, portal and integration modules' events (never their tables).

-- One row per PAKN within the administration's competence (received by the desk and routed to a
-- unit): the two indicators on feedback handling. unit_id is the scoring unit that owes the answer.
CREATE TABLE ind_feedback (
    code         text PRIMARY KEY,
    unit_id      bigint      NOT NULL,
    received_at  timestamptz NOT NULL,
    received_day date        NOT NULL,
    due_at       timestamptz,
    answered_at  timestamptz,
    answered_day date,
    on_time      boolean,
    unsatisfied  boolean     NOT NULL DEFAULT false
);
CREATE INDEX ind_feedback_unit_answered ON ind_feedback (unit_id, answered_day);
CREATE INDEX ind_feedback_unit_received ON ind_feedback (unit_id, received_at);

-- What other modules told about a dossier: rated "not satisfied"; acknowledged by the national
-- portal; paid online; filed with population data. One row per dossier with any of them.
CREATE TABLE ind_dossier_mark (
    code           text PRIMARY KEY,
    unsatisfied    boolean NOT NULL DEFAULT false,
    synced_at      timestamptz,
    paid_at        timestamptz,
    population_at  timestamptz
);
CREATE INDEX ind_dossier_mark_unsatisfied ON ind_dossier_mark (code) WHERE unsatisfied;

-- PAKN that name a dossier ("a dossier with a PAKN"); refused ones (outside the administration's
-- competence) stop counting.
CREATE TABLE ind_dossier_complaint (
    feedback_code text PRIMARY KEY,
    dossier_code  text    NOT NULL,
    refused       boolean NOT NULL DEFAULT false
);
CREATE INDEX ind_dossier_complaint_dossier ON ind_dossier_complaint (dossier_code) WHERE NOT refused;

-- Form 07b: the procedures of the catalogue by sector and level, under the one-stop mechanism, and
-- with their internal workflow issued (REPORTS.md §3; the district columns dropped since 1 July 2025).
INSERT INTO ind_report_template (form, code, title, columns) VALUES
('07b', 'Biểu số II.07b/VPCP/KSTT',
 'TỔNG HỢP SỐ LƯỢNG THỦ TỤC HÀNH CHÍNH THỰC HIỆN THEO CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG',
 '[{"group":"","label":"TT"},{"group":"","label":"Đơn vị"},{"group":"Tổng số TTHC thuộc thẩm quyền giải quyết của địa phương","label":"Tổng số TTHC"},{"group":"Tổng số TTHC thuộc thẩm quyền giải quyết của địa phương","label":"Cấp tỉnh"},{"group":"Tổng số TTHC thuộc thẩm quyền giải quyết của địa phương","label":"Cấp xã"},{"group":"TTHC được thực hiện theo cơ chế một cửa, một cửa liên thông","label":"Tổng số TTHC"},{"group":"TTHC được thực hiện theo cơ chế một cửa, một cửa liên thông","label":"Tại Bộ phận Một cửa cấp tỉnh"},{"group":"TTHC được thực hiện theo cơ chế một cửa, một cửa liên thông","label":"Tại Bộ phận Một cửa cấp xã"},{"group":"Quy trình nội bộ giải quyết TTHC theo cơ chế một cửa, một cửa liên thông được ban hành","label":"Tổng số quy trình"},{"group":"Quy trình nội bộ giải quyết TTHC theo cơ chế một cửa, một cửa liên thông được ban hành","label":"Cấp tỉnh"},{"group":"Quy trình nội bộ giải quyết TTHC theo cơ chế một cửa, một cửa liên thông được ban hành","label":"Cấp xã"}]');
