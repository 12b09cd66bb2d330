package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The dossier code of Circular 01/2018/TT-VPCP Art. 19, read into its parts and printed back. */
class DossierCodeTests {

    @Test
    void readsTheUnitTheDayAndTheNumber() {
        assertThat(DossierCode.parse("000.00.21.H40-260302-0007"))
                .contains(new DossierCode("000.00.21.H40", LocalDate.of(2026, 3, 2), 7));
        assertThat(DossierCode.parse(" X-1-260302-12345 ")).get()
                .satisfies(c -> {
                    assertThat(c.unitCode()).isEqualTo("X-1");
                    assertThat(c.number()).isEqualTo(12345);
                });
    }

    @Test
    void printsTheNumberWithFourDigitsAtLeast() {
        assertThat(new DossierCode("H40", LocalDate.of(2026, 12, 6), 7)).hasToString("H40-261206-0007");
        assertThat(new DossierCode("H40", LocalDate.of(2026, 12, 6), 10001)).hasToString("H40-261206-10001");
        assertThat(DossierCode.parse("H40-261206-0042").map(DossierCode::toString)).contains("H40-261206-0042");
    }

    @Test
    void refusesTextOfAnotherShape() {
        assertThat(DossierCode.parse(null)).isEmpty();
        assertThat(DossierCode.parse("H40-261306-0001")).as("month 13").isEmpty();
        assertThat(DossierCode.parse("H40-261206-001")).as("three digits").isEmpty();
        assertThat(DossierCode.parse("H40-261206-0000")).as("number 0").isEmpty();
        assertThat(DossierCode.parse("-261206-0001")).isEmpty();
        assertThat(DossierCode.parse("HS-2026-abc")).isEmpty();
    }
}
