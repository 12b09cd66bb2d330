-- Periodic reports (Circular 01/2020/TT-VPCP forms 06a/06b): templates as data, each unit's report
-- through draft → signed → submitted (or returned with comments), and the drafting job's progress.

-- A form's layout: title and columns (JSON list of {"group", "label"}); the official columns of 06b
-- are unknown, so it ships with the 06a layout and can be corrected here without a release.
CREATE TABLE ind_report_template (
    form      text PRIMARY KEY,
    code      text NOT NULL,
    title     text NOT NULL,
    columns   text NOT NULL
);

INSERT INTO ind_report_template (form, code, title, columns) VALUES
('06a', 'Biểu số II.06a/VPCP/KSTT',
 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
 '[{"group":"","label":"STT"},{"group":"","label":"Lĩnh vực, công việc giải quyết theo cấp"},{"group":"Số hồ sơ nhận giải quyết","label":"Tổng số"},{"group":"Số hồ sơ nhận giải quyết","label":"Trong đó: Trực tuyến"},{"group":"Số hồ sơ nhận giải quyết","label":"Trong đó: Trực tiếp, dịch vụ bưu chính"},{"group":"Số hồ sơ nhận giải quyết","label":"Từ kỳ trước"},{"group":"Số hồ sơ đã giải quyết","label":"Tổng số"},{"group":"Số hồ sơ đã giải quyết","label":"Trước hạn"},{"group":"Số hồ sơ đã giải quyết","label":"Đúng hạn"},{"group":"Số hồ sơ đã giải quyết","label":"Quá hạn"},{"group":"Số hồ sơ đang giải quyết","label":"Tổng số"},{"group":"Số hồ sơ đang giải quyết","label":"Trong hạn"},{"group":"Số hồ sơ đang giải quyết","label":"Quá hạn"}]'),
('06b', 'Biểu số II.06b/VPCP/KSTT',
 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI UBND CẤP XÃ',
 '[{"group":"","label":"STT"},{"group":"","label":"Lĩnh vực, công việc giải quyết theo cấp"},{"group":"Số hồ sơ nhận giải quyết","label":"Tổng số"},{"group":"Số hồ sơ nhận giải quyết","label":"Trong đó: Trực tuyến"},{"group":"Số hồ sơ nhận giải quyết","label":"Trong đó: Trực tiếp, dịch vụ bưu chính"},{"group":"Số hồ sơ nhận giải quyết","label":"Từ kỳ trước"},{"group":"Số hồ sơ đã giải quyết","label":"Tổng số"},{"group":"Số hồ sơ đã giải quyết","label":"Trước hạn"},{"group":"Số hồ sơ đã giải quyết","label":"Đúng hạn"},{"group":"Số hồ sơ đã giải quyết","label":"Quá hạn"},{"group":"Số hồ sơ đang giải quyết","label":"Tổng số"},{"group":"Số hồ sơ đang giải quyết","label":"Trong hạn"},{"group":"Số hồ sơ đang giải quyết","label":"Quá hạn"}]');

CREATE TABLE ind_report (
    id            bigserial PRIMARY KEY,
    form          text        NOT NULL REFERENCES ind_report_template (form),
    unit_id       bigint      NOT NULL,
    period_from   date        NOT NULL,
    period_to     date        NOT NULL,
    consolidated  boolean     NOT NULL DEFAULT false,
    status        text        NOT NULL CHECK (status IN ('DRAFT', 'SIGNED', 'SUBMITTED', 'RETURNED')),
    data          text        NOT NULL,
    generated_at  timestamptz NOT NULL,
    generated_by  text        NOT NULL,
    signed_by     text,
    signed_at     timestamptz,
    submitted_at  timestamptz,
    returned_by   text,
    returned_at   timestamptz,
    comment       text,
    version       int         NOT NULL DEFAULT 0,
    UNIQUE (form, unit_id, period_from, period_to, consolidated)
);
CREATE INDEX ind_report_period ON ind_report (period_from, period_to);

-- Each run of the job that prepares the drafts at a period's end, with its progress.
CREATE TABLE ind_report_run (
    id           bigserial PRIMARY KEY,
    period_from  date        NOT NULL,
    period_to    date        NOT NULL,
    units        int         NOT NULL,
    done         int         NOT NULL DEFAULT 0,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz
);
