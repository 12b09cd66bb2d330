package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import vn.motcua.platform.web.DatabaseUnavailable;
import vn.motcua.support.IntegrationTest;

/**
 * While the database is out of reach a call is answered at once with 503 and
 * Retry-After, problem+json on the API and a page elsewhere; a fault of the
 * request (a constraint, a bad value) is not mistaken for it.
 */
class DatabaseUnavailableTests extends IntegrationTest {

    @Autowired
    DatabaseUnavailable filter;

    @Test
    void tellsTheDatabaseOutOfReachFromOtherFailures() {
        assertThat(DatabaseUnavailable.is(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("pool timed out")))).isTrue();
        assertThat(DatabaseUnavailable.is(new CannotGetJdbcConnectionException("refused"))).isTrue();
        assertThat(DatabaseUnavailable.is(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
        assertThat(DatabaseUnavailable.is(new RuntimeException(new SQLException("shutting down", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.is(new DataIntegrityViolationException("dup", new SQLException("dup", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.is(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseUnavailable.is(new org.springframework.jdbc.UncategorizedSQLException("select", "SELECT 1",
                new SQLException("Connection is closed")))).isTrue();
        assertThat(DatabaseUnavailable.is(new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                new SQLException("I/O error", "08006")))).isTrue();
    }

    @Test
    void aFullFilesDiskIsToldFromOtherInputOutputFailures() {
        assertThat(vn.motcua.platform.web.StorageFull.is(new java.io.UncheckedIOException(
                new java.nio.file.FileSystemException("/data/files/tmp/upload-1.part: No space left on device")))).isTrue();
        assertThat(vn.motcua.platform.web.StorageFull.is(new java.io.IOException("Broken pipe"))).isFalse();
    }

    @Test
    void anApiCallGets503ProblemJsonWithRetryAfter() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/dossiers");
        request.setRequestURI("/api/v1/dossiers");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            throw new CannotCreateTransactionException("no connection", new SQLTransientConnectionException("timed out"));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("cơ sở dữ liệu");
    }

    @Test
    void aPageGets503InWordsAndOtherFailuresPassThrough() throws Exception {
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/dossiers");
        page.setRequestURI("/dossiers");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(page, response, (req, res) -> {
            throw new CannotGetJdbcConnectionException("refused");
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("text/html");

        MockHttpServletRequest other = new MockHttpServletRequest("GET", "/dossiers");
        other.setRequestURI("/dossiers");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> filter.doFilter(other, new MockHttpServletResponse(),
                (req, res) -> {
                    throw new IllegalStateException("a bug");
                })).isInstanceOf(IllegalStateException.class);
    }
}
