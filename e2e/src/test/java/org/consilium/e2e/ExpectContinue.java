package org.consilium.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A large body sent the way curl sends one: headers with {@code Expect: 100-continue}, then the body only
 * after {@code 100 Continue}. A server that refuses before reading (413) is heard instead of losing its
 * answer to a connection it closes while the client is still sending. A raw socket because JDK 17's
 * HttpClient waits forever for a 100 that such a refusal never sends.
 */
final class ExpectContinue {

    private ExpectContinue() {
    }

    static HostileClient.Outcome send(int port, HostileRequest request, Caller caller) throws IOException {
        try (Socket socket = new Socket("localhost", RunningStack.port(port))) {
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder(request.method() + " " + request.pathAndQuery() + " HTTP/1.1\r\n"
                    + "Host: localhost\r\nConnection: close\r\nExpect: 100-continue\r\nContent-Length: "
                    + request.body().length + "\r\n");
            request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (caller.authorization() != null) {
                head.append("Authorization: ").append(caller.authorization()).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String first = headOf(in);
            if (first.startsWith("HTTP/1.1 100")) {
                out.write(request.body());
                out.flush();
                first = headOf(in);
            }
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new HostileClient.Outcome(Integer.parseInt(first.substring(9, 12)), header(first, "content-type"),
                    body.length() > 400 ? body.substring(0, 400) + "..." : body);
        }
    }

    /** The status line and headers of one response, up to the blank line. */
    private static String headOf(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == 4) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    static boolean isFor(HostileRequest request) {
        return request.body() != null && request.body().length >= 1024 * 1024;
    }

}
