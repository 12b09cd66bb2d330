package vn.motcua.audittrail.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;

/**
 * What leaves the dossier module's pages and API as a file, into the audit
 * trail, without touching that module: the log book exported as XLSX
 * ({@code dossier.logbook.exported}) and the slips (receipt, supplement
 * request, refusal…: they print the applicant's personal data) downloaded
 * ({@code dossier.slip.downloaded}), each once it was sent (status 200).
 * Entries made while a dossier's URL is served (a component file's
 * {@code file.downloaded}) are given that dossier's code.
 */
@Configuration(proxyBeanMethods = false)
class DossierDownloadsAuditor implements HandlerInterceptor, WebMvcConfigurer {

    private final AuditTrail audit;

    DossierDownloadsAuditor(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/dossiers/**", "/api/v1/dossiers/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String code = variables(request).get("code");
        if (code != null && code.length() <= 40) {
            request.setAttribute(AuditTrail.DOSSIER_ATTRIBUTE, code);
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (ex != null || response.getStatus() != 200 || !"GET".equals(request.getMethod())) {
            return;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String p = pattern == null ? "" : pattern.toString();
        if (p.endsWith("/dossiers/logbook") && "xlsx".equals(request.getParameter("format"))) {
            audit.recordAlone(AuditEntry.of("dossier.logbook.exported", AuditTrail.currentActor(), "unit", request.getParameter("unit"))
                    .detail("xlsx; from " + request.getParameter("from") + " to " + request.getParameter("to")));
        } else if (p.endsWith("/{code}/slips/{kind}")) {
            Map<String, String> v = variables(request);
            audit.recordAlone(AuditEntry.of("dossier.slip.downloaded", AuditTrail.currentActor(), "dossier", v.get("code"))
                    .detail("slip " + v.get("kind")));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> variables(HttpServletRequest request) {
        Object v = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return v instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
    }
}
