package vn.motcua.catalog;

/** A form (mẫu đơn, tờ khai) of a procedure: a short code the components refer to, its name and where to get it. */
public record FormTemplate(String code, String name, String url) {
}
