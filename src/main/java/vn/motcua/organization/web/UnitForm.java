package vn.motcua.organization.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.motcua.organization.UnitCommand;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitView;

/** The unit form as the page binds it. */
public class UnitForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = 255, message = "{validation.tooLong}")
    private String name;
    @NotBlank(message = "{validation.required}")
    @Pattern(regexp = UnitCommand.CODE_PATTERN, message = "{unit.code.pattern}")
    private String code;
    @NotNull(message = "{validation.required}")
    private UnitKind kind;
    @NotNull(message = "{validation.required}")
    private UnitLevel level;
    private Long parentId;
    @Size(max = 500, message = "{validation.tooLong}")
    private String address;
    @Size(max = 50, message = "{validation.tooLong}")
    private String phone;
    private int version;

    public static UnitForm of(UnitView u) {
        UnitForm f = new UnitForm();
        f.name = u.name();
        f.code = u.code();
        f.kind = u.kind();
        f.level = u.level();
        f.parentId = u.parentId();
        f.address = u.address();
        f.phone = u.phone();
        f.version = u.version();
        return f;
    }

    public UnitCommand toCommand() {
        return new UnitCommand(name, code == null ? null : code.trim(), kind, level, parentId, address, phone);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public UnitKind getKind() { return kind; }
    public void setKind(UnitKind kind) { this.kind = kind; }
    public UnitLevel getLevel() { return level; }
    public void setLevel(UnitLevel level) { this.level = level; }
    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
