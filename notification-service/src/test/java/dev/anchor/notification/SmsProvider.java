package dev.anchor.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import java.util.Map;

/** An HTTP SMS provider played by WireMock on a free port. */
public class SmsProvider {

    public static WireMockServer server;

    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().globalTemplating(true));
        server.start();
        return Map.of("anchor.sms.http.url", "http://127.0.0.1:" + server.port(),
                "anchor.callbacks.secret", Fixtures.CALLBACK_SECRET);
    }

    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
