package vn.motcua.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mapping with a cheap first test. For a path with a
 * variable in it ({@code /api/v1/dossiers/{code}/receive}), Spring MVC tries
 * every mapping of the application (about 150) against the request, and each
 * try asks the request for its method through five or six request wrappers
 * (security, session, resources): a fifth of an API call's CPU in the profile
 * (docs/benchmarks.md). Here a mapping whose patterns' literal beginnings
 * ({@code /api/v1/dossiers/}) do not begin the request's path is passed over
 * before that; the others are tried exactly as before. The literal beginning
 * is compared with the decoded path, as the patterns are matched.
 */
class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {

    private static final String[] ANY = new String[0];

    /** The decoded path of the request being looked up on this thread, or null outside a lookup. */
    private final ThreadLocal<String> current = new ThreadLocal<>();
    private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        String outer = current.get();
        current.set(decodedPath(request));
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            current.set(outer);
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = current.get();
        if (path != null) {
            String[] literal = prefixes.computeIfAbsent(info, LiteralPrefixHandlerMapping::literalPrefixes);
            if (literal != ANY && !startsWithAny(path, literal)) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    private static boolean startsWithAny(String path, String[] literal) {
        for (String p : literal) {
            if (path.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** The literal text before the first variable or wildcard of each pattern; ANY when one cannot be told. */
    static String[] literalPrefixes(RequestMappingInfo info) {
        PathPatternsRequestCondition c = info.getPathPatternsCondition();
        if (c == null || c.getPatterns().isEmpty()) {
            return ANY;
        }
        String[] out = new String[c.getPatterns().size()];
        int i = 0;
        for (PathPattern p : c.getPatterns()) {
            String s = p.getPatternString();
            int end = s.length();
            for (int k = 0; k < s.length(); k++) {
                char ch = s.charAt(k);
                if (ch == '{' || ch == '*' || ch == '?' || ch == '\\') {
                    end = k;
                    break;
                }
            }
            out[i++] = s.substring(0, end);
        }
        return out;
    }

    /** The path within the application as the patterns see it: segments decoded, path parameters left out. */
    static String decodedPath(HttpServletRequest request) {
        if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return null;
        }
        RequestPath path = ServletRequestPathUtils.getParsedRequestPath(request);
        StringBuilder sb = new StringBuilder();
        for (PathContainer.Element e : path.pathWithinApplication().elements()) {
            sb.append(e instanceof PathContainer.PathSegment s ? s.valueToMatch() : e.value());
        }
        return sb.toString();
    }
}
