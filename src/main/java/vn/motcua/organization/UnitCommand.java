package vn.motcua.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Create or edit a unit. */
public record UnitCommand(
        @NotBlank(message = "{validation.required}") @Size(max = 255, message = "{validation.tooLong}") String name,
        @NotBlank(message = "{validation.required}")
        @Pattern(regexp = UnitCommand.CODE_PATTERN, message = "{unit.code.pattern}") String code,
        @NotNull(message = "{validation.required}") UnitKind kind,
        @NotNull(message = "{validation.required}") UnitLevel level,
        Long parentId,
        @Size(max = 500, message = "{validation.tooLong}") String address,
        @Size(max = 50, message = "{validation.tooLong}") String phone) {

    /**
     * The national electronic identifier pattern of Decision 20/2020/QĐ-TTg,
     * e.g. {@code 000.00.12.H40}: three groups of digits and the province's letter+number.
     */
    public static final String CODE_PATTERN = "^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$";
}
