package vn.motcua.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every answer of the JSON API is JSON, whatever went wrong and wherever
 * (found by the API fuzz, see docs/security/input-limits-rate-limits-fuzzing.md):
 * <ul>
 * <li>the API disregards {@code Accept} (as HTTP allows): a client that asks
 *     for XML gets JSON, not an empty 406 sent after its write was done;</li>
 * <li>errors raised before a controller is chosen (a malformed multipart
 *     body) are problem details, not 500;</li>
 * <li>a status sent with {@code sendError} by the framework or the container
 *     (unsupported media type, missing part) is written as problem+json
 *     instead of going to the HTML/JSON error page;</li>
 * <li>requests Tomcat itself refuses (a NUL in the path) get problem+json
 *     from Tomcat's error report on API paths.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class ApiResponsesConfig implements WebMvcConfigurer {

    private final LimitResponses responses;

    public ApiResponsesConfig(LimitResponses responses) {
        this.responses = responses;
    }

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        ContentNegotiationStrategy header = new HeaderContentNegotiationStrategy();
        configurer.strategies(List.of(request -> isApi(request) ? MEDIA_TYPE_ALL_LIST : header.resolveMediaTypes(request)));
    }

    private static final List<MediaType> MEDIA_TYPE_ALL_LIST = List.of(MediaType.ALL);

    private static boolean isApi(NativeWebRequest request) {
        HttpServletRequest r = request.getNativeRequest(HttpServletRequest.class);
        return r != null && LimitResponses.isApi(r);
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        // after the @ExceptionHandler resolver (which needs a controller), before the default one (which sends errors)
        resolvers.add(Math.min(1, resolvers.size()), new HandlerlessApiErrors(responses));
    }

    /** Exceptions on the API before any controller was chosen, which no controller advice sees. */
    static final class HandlerlessApiErrors implements HandlerExceptionResolver {

        private final LimitResponses responses;

        HandlerlessApiErrors(LimitResponses responses) {
            this.responses = responses;
        }

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
            if (handler != null || !LimitResponses.isApi(request) || !(ex instanceof MultipartException)) {
                return null;
            }
            try {
                ApiErrorFilter.write(responses, request, response, ex instanceof MaxUploadSizeExceededException ? 413 : 400);
            } catch (java.io.IOException e) {
                return null;
            }
            return new ModelAndView();
        }
    }

    @Bean
    FilterRegistrationBean<ApiErrorFilter> apiErrorFilter() {
        FilterRegistrationBean<ApiErrorFilter> r = new FilterRegistrationBean<>(new ApiErrorFilter(responses));
        r.setOrder(InputLimitsConfig.INPUT_LIMIT_ORDER + 1);
        r.setName("apiErrorFilter");
        return r;
    }

    /** Replaces Boot's error report valve on the host with one that answers problem+json on API paths. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReportValve() {
        return new ApiErrorReportCustomizer();
    }

    static final class ApiErrorReportCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ApiErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (host instanceof org.apache.catalina.core.StandardHost standard) {
                    // so that Tomcat, starting the host, finds its error report valve there and adds no other
                    standard.setErrorReportValveClass(ApiErrorReportValve.class.getName());
                }
                ApiErrorReportValve valve = new ApiErrorReportValve();
                valve.setShowReport(false);
                valve.setShowServerInfo(false);
                host.getPipeline().addValve(valve);
            });
        }

        @Override
        public int getOrder() {
            // after Boot's own customizer, which adds the plain valve
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
