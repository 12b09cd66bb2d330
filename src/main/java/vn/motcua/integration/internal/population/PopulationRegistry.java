package vn.motcua.integration.internal.population;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.shared.Texts;

/**
 * The adapter to the national population database (CSDL dân cư,
 * docs/integration.md §4): a JSON POST with the citizen ID, answered with
 * {@code {error_code, message}} whose message is SOAP-like XML
 * ({@code Envelope/Body/CongdanCollection/CongDan}). The XML is read with a
 * parser that refuses document types, so no external entity or entity
 * expansion is ever resolved. Address and integration code come from
 * configuration only ({@code motcua.integration.population.*}).
 */
@Component
public class PopulationRegistry {

    /** The far side did not answer usably (time-out, 5xx, dropped, unreadable, refused). */
    public static class RegistryUnavailable extends RuntimeException {
        public RegistryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The person as the registry holds them: what prefills a filing. */
    public record Person(String idNumber, String fullName, String dateOfBirth, String gender, String address) {
    }

    private final String url;
    private final String integrationCode;
    private final Duration timeout;
    private final JsonMapper json;
    private final HttpClient http;

    public PopulationRegistry(@Value("${motcua.integration.population.url:}") String url,
                              @Value("${motcua.integration.population.integration-code:}") String integrationCode,
                              @Value("${motcua.integration.population.timeout:PT10S}") Duration timeout, JsonMapper json) {
        String u = url == null ? "" : url.trim();
        this.url = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        this.integrationCode = integrationCode == null ? "" : integrationCode.trim();
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public boolean configured() {
        return !url.isEmpty();
    }

    /** Looks the citizen ID up; empty when the registry holds no such person. */
    public Optional<Person> lookUp(String idNumber, String officerCode, String requestId) {
        if (!configured()) {
            throw new RegistryUnavailable("population database not configured", null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("HoVaTen", "");
        body.put("SoDinhDanh", idNumber);
        body.put("SoCMND", "");
        body.put("NgayThangNam", "");
        body.put("Nam", "");
        body.put("MaTichHop", integrationCode);
        body.put("MaDVC", "");
        body.put("MaCanBo", officerCode);
        body.put("MaYeuCau", requestId);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/lookup")).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8)).build();
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RegistryUnavailable("population database unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailable("interrupted", e);
        }
        if (r.statusCode() / 100 != 2) {
            throw new RegistryUnavailable("population database answered HTTP " + r.statusCode(), null);
        }
        JsonNode reply;
        try {
            reply = json.readTree(r.body());
        } catch (RuntimeException e) {
            throw new RegistryUnavailable("population database answered no JSON", e);
        }
        String error = reply.path("error_code").asString("");
        if (!"0".equals(error)) {
            throw new RegistryUnavailable("population database refused: " + error, null);
        }
        return parse(reply.path("message").asString(""), idNumber);
    }

    /** The first CongDan of the XML whose SoDinhDanh is the one asked for; empty when there is none. */
    static Optional<Person> parse(String xml, String idNumber) {
        if (xml == null || xml.isBlank()) {
            return Optional.empty();
        }
        Document doc;
        try {
            doc = safeBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new RegistryUnavailable("population database answered unreadable XML", e);
        }
        NodeList people = doc.getElementsByTagNameNS("*", "CongDan");
        for (int i = 0; i < people.getLength(); i++) {
            Element c = (Element) people.item(i);
            String id = text(c, "SoDinhDanh");
            if (!idNumber.equals(id)) {
                continue;
            }
            Element name = child(c, "HoVaTen");
            String fullName = name == null ? null
                    : Texts.clean(String.join(" ", nonNull(text(name, "Ho")), nonNull(text(name, "ChuDem")),
                    nonNull(text(name, "Ten"))).replaceAll("\\s+", " "));
            Element home = child(c, "NoiOHienTai");
            if (home == null || Texts.isBlank(text(home, "ChiTiet"))) {
                home = child(c, "ThuongTru");
            }
            return Optional.of(new Person(id, fullName, Texts.clean(text(c, "NgayThangNamSinh")), Texts.clean(text(c, "GioiTinh")),
                    home == null ? null : Texts.clean(text(home, "ChiTiet"))));
        }
        return Optional.empty();
    }

    /** A DOM parser that refuses DOCTYPE (no external entities, no entity expansion), and reads no outside resource. */
    static DocumentBuilder safeBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element child(Element parent, String name) {
        NodeList l = parent.getChildNodes();
        for (int i = 0; i < l.getLength(); i++) {
            Node n = l.item(i);
            if (n instanceof Element e && name.equals(e.getLocalName() == null ? e.getTagName() : e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
