package vn.motcua.integration.internal.catalogue;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code motcua.integration.national-catalogue.*}: where the national procedure
 * database's services are (through the province's integration gateway), the
 * account MotCua signs in with, and the default workflow each imported draft
 * gets per level. See docs/integration.md §1.
 *
 * @param url         the gateway's base address (no trailing slash)
 * @param authPath    path of the sign-in service (POST {username, password} → {error_code, session})
 * @param servicePath path of the services (POST {session, madonvi, service, …})
 * @param username    the account
 * @param password    its password
 * @param unitCode    the province's electronic identifier sent as madonvi
 * @param timeout     connect and answer time-out of each call
 * @param province    the default workflow of province-level drafts
 * @param commune     the default workflow of commune-level drafts
 */
@ConfigurationProperties("motcua.integration.national-catalogue")
public record NationalCatalogueProperties(String url, String authPath, String servicePath, String username,
                                          String password, String unitCode, Duration timeout,
                                          Workflow province, Workflow commune) {

    public NationalCatalogueProperties {
        authPath = authPath == null ? "/auth" : authPath;
        servicePath = servicePath == null ? "/service" : servicePath;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        province = province == null ? Workflow.DEFAULT : province;
        commune = commune == null ? Workflow.DEFAULT : commune;
    }

    /**
     * The shares of a case's time given to each step of the template
     * (intake at the desk → examination by a specialist → a leader's decision →
     * return at the desk), as fractions of the time; the leader's step takes
     * what the others leave, so the shares always add up to the time.
     */
    public record Workflow(BigDecimal intake, BigDecimal examine, BigDecimal handBack) {

        public static final Workflow DEFAULT = new Workflow(BigDecimal.ZERO, new BigDecimal("0.7"), BigDecimal.ZERO);

        public Workflow {
            intake = intake == null ? BigDecimal.ZERO : intake;
            examine = examine == null ? new BigDecimal("0.7") : examine;
            handBack = handBack == null ? BigDecimal.ZERO : handBack;
            if (intake.signum() < 0 || examine.signum() < 0 || handBack.signum() < 0
                    || intake.add(examine).add(handBack).compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("workflow shares must be fractions adding up to at most 1");
            }
        }
    }
}
