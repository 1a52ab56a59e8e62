import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * Local SMS sink for {@code ./suite up}: an HTTP "SMS provider" that accepts messages and keeps them
 * so that people and tests can see what would have been sent. No dependencies beyond the JDK.
 *
 * <pre>
 * java .suite/SmsSink.java &lt;port&gt; &lt;dir&gt; [bind-address, default 127.0.0.1]
 *
 * POST   /messages        {"to":"+49...","from":"Anchor","text":"...","reference":"..."}
 *                         -> 202 {"id":"&lt;uuid&gt;","status":"accepted"}; 400 when not a JSON object
 *                            with a non-empty "to" and a "text"
 * GET    /messages        -> 200 [ {"id":..,"receivedAt":..,&lt;original fields&gt;}, ... ] oldest first;
 *                            optional filters ?to=...&amp;reference=... (a '+' in the query is a plus)
 * GET    /messages/{id}   -> 200 one message, or 404
 * DELETE /messages        -> 204, forgets everything (and empties the journal)
 * GET    /health          -> 200 {"status":"UP"}
 * </pre>
 *
 * Every accepted message is appended as one JSON line to {@code <dir>/messages.jsonl}, which is read
 * back on start, so a restart keeps what was received.
 */
public class SmsSink {

    private final List<Map<String, Object>> messages = new ArrayList<>();
    private final Path journal;

    SmsSink(Path journal) {
        this.journal = journal;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java SmsSink.java <port> <dir> [bind-address]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        String host = args.length > 2 ? args[2] : "127.0.0.1";
        Files.createDirectories(dir);

        SmsSink sink = new SmsSink(dir.resolve("messages.jsonl"));
        sink.load();
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
        server.createContext("/", sink::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.printf("SMS sink listening on http://%s:%d/messages (journal %s, %d messages loaded)%n",
                host, port, sink.journal, sink.messages.size());
    }

    // ---- HTTP ----------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            if (path.equals("/messages")) {
                switch (method) {
                    case "POST" -> accept(exchange);
                    case "GET" -> send(exchange, 200, Json.write(list(query(exchange))));
                    case "DELETE" -> {
                        clear();
                        send(exchange, 204, null);
                    }
                    default -> send(exchange, 405, error("method not allowed"));
                }
            } else if (path.startsWith("/messages/") && method.equals("GET")) {
                Map<String, Object> message = find(path.substring("/messages/".length()));
                send(exchange, message == null ? 404 : 200,
                        message == null ? error("no such message") : Json.write(message));
            } else if (path.equals("/health") && method.equals("GET")) {
                send(exchange, 200, "{\"status\":\"UP\"}");
            } else if (path.equals("/") && method.equals("GET")) {
                send(exchange, 200, "{\"service\":\"anchor local SMS sink\",\"messages\":\"/messages\"}");
            } else {
                send(exchange, 404, error("not found"));
            }
        } catch (RuntimeException e) {
            System.err.println("SMS sink: " + e);
        } finally {
            exchange.close();
        }
    }

    private void accept(HttpExchange exchange) throws IOException {
        Object body;
        try (InputStream in = exchange.getRequestBody()) {
            body = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            send(exchange, 400, error("body is not valid JSON: " + e.getMessage()));
            return;
        }
        if (!(body instanceof Map<?, ?> fields)) {
            send(exchange, 400, error("body must be a JSON object"));
            return;
        }
        if (!(fields.get("to") instanceof String to) || to.isBlank()) {
            send(exchange, 400, error("\"to\" is required (a phone number)"));
            return;
        }
        if (!(fields.get("text") instanceof String)) {
            send(exchange, 400, error("\"text\" is required"));
            return;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", UUID.randomUUID().toString());
        message.put("receivedAt", Instant.now().toString());
        fields.forEach((key, value) -> message.putIfAbsent((String) key, value));
        store(message);
        System.out.printf("%s SMS %s to %s: %s%n", message.get("receivedAt"), message.get("id"), to, fields.get("text"));
        send(exchange, 202, "{\"id\":\"" + message.get("id") + "\",\"status\":\"accepted\"}");
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            // phone numbers start with '+': keep it a plus instead of the form-encoding space
            query.put(decode(key), decode(value));
        }
        return query;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String error(String message) {
        return Json.write(Map.of("error", message));
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    // ---- storage -------------------------------------------------------------------------------

    private synchronized void load() throws IOException {
        if (!Files.exists(journal)) {
            return;
        }
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            try {
                if (!line.isBlank() && Json.parse(line) instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> message = (Map<String, Object>) map;
                    messages.add(message);
                }
            } catch (IllegalArgumentException e) {
                System.err.println("SMS sink: skipping a bad journal line: " + e.getMessage());
            }
        }
    }

    private synchronized void store(Map<String, Object> message) throws IOException {
        messages.add(message);
        Files.writeString(journal, Json.write(message) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private synchronized List<Map<String, Object>> list(Map<String, String> filters) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> message : messages) {
            boolean matches = filters.entrySet().stream()
                    .allMatch(f -> f.getValue().equals(String.valueOf(message.get(f.getKey()))));
            if (matches) {
                result.add(message);
            }
        }
        return result;
    }

    private synchronized Map<String, Object> find(String id) {
        return messages.stream().filter(m -> id.equals(m.get("id"))).findFirst().orElse(null);
    }

    private synchronized void clear() throws IOException {
        messages.clear();
        Files.writeString(journal, "", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    // ---- a minimal JSON reader/writer: objects, arrays, strings, numbers (kept verbatim), literals

    record JsonNumber(String text) {
    }

    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            json.skipSpace();
            Object value = json.value();
            json.skipSpace();
            if (json.i != text.length()) {
                throw json.fail("trailing characters");
            }
            return value;
        }

        private Object value() {
            if (i >= s.length()) {
                throw fail("unexpected end");
            }
            char c = s.charAt(i);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || Character.isDigit(c)) {
                        yield number();
                    }
                    throw fail("unexpected '" + c + "'");
                }
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            i++;
            skipSpace();
            if (peek('}')) {
                i++;
                return map;
            }
            while (true) {
                skipSpace();
                if (!peek('"')) {
                    throw fail("expected a field name");
                }
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                map.put(key, value());
                skipSpace();
                if (peek(',')) {
                    i++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            i++;
            skipSpace();
            if (peek(']')) {
                i++;
                return list;
            }
            while (true) {
                skipSpace();
                list.add(value());
                skipSpace();
                if (peek(',')) {
                    i++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            i++;
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw fail("control character in string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (i >= s.length()) {
                    break;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw fail("bad \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw fail("bad \\u escape");
                        }
                        i += 4;
                    }
                    default -> throw fail("bad escape \\" + e);
                }
            }
            throw fail("unterminated string");
        }

        private JsonNumber number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String text = s.substring(start, i);
            if (!text.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
                throw fail("bad number " + text);
            }
            return new JsonNumber(text);
        }

        private Object literal(String word, Object value) {
            if (!s.startsWith(word, i)) {
                throw fail("unexpected token");
            }
            i += word.length();
            return value;
        }

        private boolean peek(char c) {
            return i < s.length() && s.charAt(i) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw fail("expected '" + c + "'");
            }
            i++;
        }

        private void skipSpace() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        private IllegalArgumentException fail(String what) {
            return new IllegalArgumentException(what + " at offset " + i);
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String str) {
                quote(str, out);
            } else if (value instanceof JsonNumber n) {
                out.append(n.text());
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    quote(String.valueOf(entry.getKey()), out);
                    out.append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int k = 0; k < list.size(); k++) {
                    if (k > 0) {
                        out.append(',');
                    }
                    write(list.get(k), out);
                }
                out.append(']');
            } else {
                quote(value.toString(), out);
            }
        }

        private static void quote(String str, StringBuilder out) {
            out.append('"');
            for (int k = 0; k < str.length(); k++) {
                char c = str.charAt(k);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
