package dev.anchor.smssink;

/** The form at GET /inbound: plain HTML, posts itself, works without JavaScript. */
final class InboundPage {

    private InboundPage() {
    }

    /** The page, with what became of the last SMS ({@code message} null: none yet) and the fields filled in. */
    static String render(InboundCallback callback, String message, boolean sent, String from, String text) {
        StringBuilder page = new StringBuilder("""
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Reply by SMS - Anchor SMS sink</title></head>
                <body>
                <h1>Reply by SMS</h1>
                """);
        if (callback == null) {
            page.append("<p><strong>Not configured:</strong> the sink was started without ")
                    .append(InboundCallback.URL_VARIABLE).append(" and ").append(InboundCallback.SECRET_VARIABLE)
                    .append(" (./suite up sets them).</p>\n");
        } else {
            page.append("<p>Sends a customer's SMS to <code>").append(escape(callback.url().toString()))
                    .append("</code>, signed as the SMS provider's inbound webhook.</p>\n");
        }
        if (message != null) {
            page.append(sent ? "<p role=\"status\"><strong>" : "<p role=\"alert\"><strong>Not sent:</strong> ")
                    .append(escape(message)).append(sent ? "</strong></p>\n" : "</p>\n");
        }
        page.append("""
                <form method="post" action="/inbound">
                <p><label>From (the customer's number)<br><input name="from" type="tel" required size="20" value="\
                """).append(escape(from)).append("""
                "></label></p>
                <p><label>Text<br><textarea name="text" rows="4" cols="50" required maxlength="1600">\
                """).append(escape(text)).append("""
                </textarea></label></p>
                <p><button type="submit">Send</button></p>
                </form>
                <p><a href="/messages">What was sent to customers</a></p>
                </body>
                </html>
                """);
        return page.toString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
