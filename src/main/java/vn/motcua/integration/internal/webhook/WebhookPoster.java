package vn.motcua.integration.internal.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** POSTs one signed body to a partner and answers its status code; an I/O error or a timeout throws. */
public interface WebhookPoster {

    int post(URI url, Map<String, String> headers, byte[] body, Duration timeout) throws IOException, InterruptedException;

    /** The JDK's HTTP client, HTTP/1.1, redirects not followed (a redirect is an answer, not a delivery). */
    static WebhookPoster http(Duration connectTimeout) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        return (url, headers, body, timeout) -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(b::header);
            return client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        };
    }
}
