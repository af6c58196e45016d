package io.settlekit.testkit.servers;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A few Redis commands over a raw socket (RESP2), so that the testkit can check and prepare Redis servers
 * without a client library. Answers are returned as text: simple strings and bulk strings verbatim,
 * integers as digits; errors throw.
 */
final class Resp {
    private Resp() {
    }

    /** Sends one command to {@code host:port} (after {@code AUTH} when a password is given) and reads the answer. */
    static String command(String host, int port, String user, String password, String... command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            if (password != null && !password.isEmpty()) {
                write(out, user == null || user.isEmpty() ? new String[] {"AUTH", password} : new String[] {"AUTH", user, password});
                read(in);
            }
            write(out, command);
            return read(in);
        }
    }

    private static void write(OutputStream out, String... parts) throws IOException {
        StringBuilder request = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            request.append('$').append(bytes.length).append("\r\n").append(part).append("\r\n");
        }
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String read(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        switch (type) {
            case '+':
            case ':':
                return line;
            case '-':
                throw new IOException("Redis answered an error: " + line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return "";
                }
                byte[] body = in.readNBytes(length + 2);
                return new String(body, 0, length, StandardCharsets.UTF_8);
            }
            default:
                throw new IOException("unexpected Redis answer type '" + (char) type + "'");
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int previous = -1;
        int current;
        while ((current = in.read()) != -1) {
            if (previous == '\r' && current == '\n') {
                byte[] all = bytes.toByteArray();
                return new String(all, 0, all.length - 1, StandardCharsets.UTF_8);
            }
            bytes.write(current);
            previous = current;
        }
        throw new IOException("Redis closed the connection");
    }
}
