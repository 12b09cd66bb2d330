package vn.motcua.integration.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Text messages without Vietnamese marks, templates filled in, phone numbers masked. */
class SmsTextTests {

    @Test
    void takesOffEveryMarkIncludingTheDWithAStrokeAndKeepsTheCase() {
        assertThat(SmsText.withoutMarks("Đơn đề nghị cấp Giấy phép xây dựng – UBND phường Trường Vinh"))
                .isEqualTo("Don de nghi cap Giay phep xay dung – UBND phuong Truong Vinh");
        assertThat(SmsText.withoutMarks("Hồ sơ đã được tiếp nhận. Hẹn trả: 16:30 ngày 12/01/2026"))
                .isEqualTo("Ho so da duoc tiep nhan. Hen tra: 16:30 ngay 12/01/2026");
        assertThat(SmsText.withoutMarks("ĐẮK LẮK, Nghệ An, Ửng, ỹ")).isEqualTo("DAK LAK, Nghe An, Ung, y");
        // decomposed input (NFD) too
        assertThat(SmsText.withoutMarks(java.text.Normalizer.normalize("Nguyễn Thị Hương", java.text.Normalizer.Form.NFD)))
                .isEqualTo("Nguyen Thi Huong");
    }

    @Test
    void fillsKnownPlaceholdersAndLeavesOthersAsWritten() {
        Map<String, String> v = Map.of("code", "H40.22-261206-0001", "detail", "Bản sao sổ đỏ");
        assertThat(SmsText.fill("Hồ sơ {code} cần bổ sung: {detail}. {name}{unknown}", v, false))
                .isEqualTo("Hồ sơ H40.22-261206-0001 cần bổ sung: Bản sao sổ đỏ. {unknown}");
        assertThat(SmsText.fill("Hồ sơ {code} cần bổ sung: {detail}.", v, true))
                .isEqualTo("Ho so H40.22-261206-0001 can bo sung: Ban sao so do.");
        assertThat(SmsText.fill("{detail}", Map.of("detail", "$1 \\ x"), false)).isEqualTo("$1 \\ x");
        assertThat(SmsText.unknownPlaceholders("{code} {ten} {link} {x}")).containsExactly("{ten}", "{x}");
    }

    @Test
    void masksAllButTheLastThreeDigits() {
        assertThat(SmsText.mask("0912345678")).isEqualTo("*******678");
        assertThat(SmsText.mask("12")).isEqualTo("12");
    }
}
