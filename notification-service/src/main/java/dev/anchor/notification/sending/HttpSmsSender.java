package dev.anchor.notification.sending;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SMS over a JSON HTTP API in the style of the large providers: {@code POST {base}/messages} with
 * {@code {to, from, text, reference}} → {@code 202 {id, status: "accepted"}}. 4xx (except 408/429) is permanent,
 * anything else is retried.
 */
@ApplicationScoped
public class HttpSmsSender implements SmsSender {

    private final HttpClient client;
    private final ObjectMapper mapper;
    private final String base;
    private final Optional<String> apiKey;
    private final Duration timeout;

    public HttpSmsSender(ObjectMapper mapper,
                         @ConfigProperty(name = "anchor.sms.http.url", defaultValue = "http://127.0.0.1:8090") String base,
                         @ConfigProperty(name = "anchor.sms.http.api-key") Optional<String> apiKey,
                         @ConfigProperty(name = "anchor.sms.http.timeout", defaultValue = "PT5S") Duration timeout) {
        this.mapper = mapper;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public String send(Sms sms) throws SendFailure {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("to", sms.to());
        body.put("from", sms.from());
        body.put("text", sms.text());
        body.put("reference", sms.reference());
        HttpResponse<String> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/messages"))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)));
            apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw SendFailure.transientFailure("SMS HTTP provider unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendFailure.transientFailure("interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                JsonNode answer = mapper.readTree(response.body());
                String id = answer.path("id").asText("");
                if (id.isBlank()) {
                    throw SendFailure.transientFailure("SMS HTTP provider answered " + status + " without an id");
                }
                return id;
            } catch (IOException e) {
                throw SendFailure.transientFailure("SMS HTTP provider answered " + status + " with an unreadable body");
            }
        }
        String detail = "SMS HTTP provider answered " + status;
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            throw SendFailure.permanent(detail, status == 400 || status == 422);
        }
        throw SendFailure.transientFailure(detail);
    }
}
