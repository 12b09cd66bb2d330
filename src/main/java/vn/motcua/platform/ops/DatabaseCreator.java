package vn.motcua.platform.ops;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Creates the application's PostgreSQL database when it does not exist yet,
 * before the pool or Flyway first connect, so that the run command works on a
 * machine where only the server is running. Switched off with
 * {@code motcua.database.create-if-missing=false} (production, where a DBA
 * creates the database).
 */
public class DatabaseCreator implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCreator.class);
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?$");

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource ds && ds.getJdbcUrl() != null) {
            ensureExists(ds.getJdbcUrl(), ds.getUsername(), ds.getPassword());
        }
        return bean;
    }

    static void ensureExists(String url, String user, String password) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            return;
        }
        String db = m.group(2);
        String maintenance = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = DriverManager.getConnection(maintenance, user, password);
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, db);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement s = c.createStatement()) {
                // the name is checked by the pattern above: letters, digits, underscore
                s.execute("CREATE DATABASE " + db + " ENCODING 'UTF8' TEMPLATE template0");
                log.info("Created database {}", db);
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // another node created it at the same moment
            }
            log.warn("Could not check or create database {}: {}", db, e.getMessage());
        }
    }
}
