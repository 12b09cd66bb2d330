package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.motcua.security.AuthorizationMatrix.Note;
import vn.motcua.security.AuthorizationMatrix.Row;

/** The matrix file's format: what is read, and the mistakes that stop the build with their line. */
class AuthorizationMatrixFileTests {

    private static final String HEADER = "operation,anonymous,citizen,citizen.other,admin,supervisor,onestop,onestop.other,"
            + "specialist,specialist.other,leader,leader.other,apikey,request\n";

    @Test
    void readsRowsVariantsSectionsAndNotes() {
        AuthorizationMatrix m = AuthorizationMatrix.parse("# file header\n\n" + HEADER + """

                ## Dossiers
                # the desk's tablet
                # PENDING-FIX: onestop.other today ok — not scoped yet
                POST /kiosk/{code},login,forbidden,-,forbidden,forbidden,ok,hidden,forbidden,-,forbidden,-,login,code=@dossier
                # KNOWN-GAP: specialist should be forbidden: reaches it today
                GET /x [a variant],login,forbidden,-,ok,ok,ok,-,ok,-,ok,-,login,"?q=a,b"
                """);
        assertThat(m.rows).hasSize(2);
        Row kiosk = m.rows.get(0);
        assertThat(kiosk.key()).isEqualTo("POST /kiosk/{code}");
        assertThat(kiosk.section()).isEqualTo("Dossiers");
        assertThat(kiosk.cells()).containsEntry("onestop.other", "hidden").containsEntry("citizen.other", "-");
        assertThat(kiosk.request()).isEqualTo("code=@dossier");
        assertThat(kiosk.notesOn("onestop.other")).containsExactly(
                new Note(Note.Kind.PENDING_FIX, "onestop.other", "ok", "not scoped yet"));
        assertThat(kiosk.comments()).hasSize(2);
        Row x = m.rows.get(1);
        assertThat(x.key()).isEqualTo("GET /x [a variant]");
        assertThat(x.operation()).isEqualTo("GET /x");
        assertThat(x.request()).isEqualTo("?q=a,b");
        assertThat(x.notesOn("specialist")).singleElement().extracting(Note::kind, Note::answer)
                .containsExactly(Note.Kind.KNOWN_GAP, "forbidden");
        assertThat(m.markdown()).contains("| `POST /kiosk/{code}` |", "hidden ⏳ today ok", "ok ⚠ should be forbidden");
    }

    @Test
    void aMistakeNamesItsLine() {
        assertThatThrownBy(() -> AuthorizationMatrix.parse(HEADER + "GET /x,login,maybe,-,ok,ok,ok,-,ok,-,ok,-,login,\n"))
                .hasMessageContaining("line 2").hasMessageContaining("'maybe'");
        assertThatThrownBy(() -> AuthorizationMatrix.parse(HEADER + "GET /x,login,ok\n"))
                .hasMessageContaining("line 2").hasMessageContaining("3 cells");
        assertThatThrownBy(() -> AuthorizationMatrix.parse(HEADER + "FETCH /x,-,-,-,-,-,-,-,-,-,-,-,-,\n"))
                .hasMessageContaining("METHOD /path");
        String row = "GET /x,login,ok,-,ok,ok,ok,-,ok,-,ok,-,login,\n";
        assertThatThrownBy(() -> AuthorizationMatrix.parse(HEADER + row + row)).hasMessageContaining("a second row for GET /x");
        assertThatThrownBy(() -> AuthorizationMatrix.parse(HEADER + "# KNOWN-GAP: nobody should be ok\n" + row))
                .hasMessageContaining("names no column");
        assertThatThrownBy(() -> AuthorizationMatrix.parse(HEADER + "# KNOWN-GAP: citizen should be ok — same as the cell\n" + row))
                .hasMessageContaining("another answer than the cell's");
        assertThatThrownBy(() -> AuthorizationMatrix.parse(HEADER + "# PENDING-FIX: citizen should be forbidden\n" + row))
                .hasMessageContaining("PENDING-FIX says 'today'");
        assertThatThrownBy(() -> AuthorizationMatrix.parse("operation,anonymous\n")).hasMessageContaining("the header must be");
    }

    @Test
    void theRequestCellReadsVariablesParametersBodyAndFlags() {
        MatrixClient.Spec s = MatrixClient.Spec.parse(
                "code=@dossier action=forward ?t=@ratingToken body.applicant.kind=PERSON body.toUnit=9 multipart nocsrf header:X-A=b");
        assertThat(s.vars()).containsEntry("code", "@dossier").containsEntry("action", "forward");
        assertThat(s.params()).singleElement().satisfies(p -> assertThat(p).containsExactly("t", "@ratingToken"));
        assertThat(s.body()).containsEntry("toUnit", "9").containsKey("applicant");
        assertThat(s.multipart()).isTrue();
        assertThat(s.noCsrf()).isTrue();
        assertThat(s.headers()).singleElement().satisfies(h -> assertThat(h).containsExactly("X-A", "b"));
        assertThat(MatrixClient.Spec.parse("year=2026 body={\"a\": 1}").rawBody()).isEqualTo("{\"a\": 1}");
        assertThat(MatrixClient.Spec.parse("").vars()).isEmpty();
    }

    @Test
    void aNewEndpointGetsTheFixturesItsPathSuggests() {
        assertThat(AuthorizationMatrix.guessRequest("/api/v1/dossiers/{code}/{action}")).isEqualTo("code=@dossier action=forward");
        assertThat(AuthorizationMatrix.guessRequest("/admin/units/{id}")).isEqualTo("id=@adminUnit");
        assertThat(AuthorizationMatrix.guessRequest("/portal/drafts/{id}/components/{seq}")).isEqualTo("id=@draft seq=1");
        assertThat(AuthorizationMatrix.guessRequest("/portal/identity/otp")).isEmpty();
    }
}
