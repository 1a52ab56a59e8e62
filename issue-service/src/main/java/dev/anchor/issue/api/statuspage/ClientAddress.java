package dev.anchor.issue.api.statuspage;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a status-page request comes from, for the guess throttle. {@code X-Forwarded-For} is read only when
 * the direct peer is one of {@code anchor.status-page.trusted-proxies} (IP addresses; none by default): then the
 * list is walked from the right past every trusted proxy, and the first address no trusted proxy is found at is the
 * client. From any other peer the header is ignored (anyone can write it), and the peer is the client.
 */
@ApplicationScoped
public class ClientAddress {

    private final Set<InetAddress> trusted;

    public ClientAddress(@ConfigProperty(name = "anchor.status-page.trusted-proxies") Optional<List<String>> trusted) {
        this.trusted = trusted.orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(address -> parse(address).orElseThrow(() -> new IllegalArgumentException(
                        "anchor.status-page.trusted-proxies: not an IP address: " + address)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The client of {@code request}. */
    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return resolve(peer, request.headers().getAll("X-Forwarded-For"));
    }

    /** The client behind {@code peer}, given the {@code X-Forwarded-For} header lines the request carried. */
    String resolve(String peer, List<String> forwardedFor) {
        Optional<InetAddress> current = parse(peer);
        if (current.isEmpty() || !trusted.contains(current.get())) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",")) {
                hops.add(hop.strip());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = parse(hops.get(i));
            if (hop.isEmpty()) {
                return client; // what a trusted proxy did not write cannot be read further
            }
            client = hop.get().getHostAddress();
            if (!trusted.contains(hop.get())) {
                return client;
            }
        }
        return client;
    }

    private static Optional<InetAddress> parse(String address) {
        if (address == null || address.isEmpty() || address.length() > 45) {
            return Optional.empty();
        }
        return Optional.ofNullable(NetUtil.createInetAddressFromIpAddressString(address)); // a literal only, no DNS
    }
}
