import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registration rush's load client (bench/README.md): guardians sign in for bearer tokens, then C clients, each a
 * virtual thread with its own keep-alive connection, post registrations for random children of theirs and random
 * offerings of the child's school, grade and term, each with a new Idempotency-Key, as fast as the answers come, for
 * a warm-up and then a measured period. Prints one line of results. Needs only a JDK (run as
 * {@code java EnrolRush.java ...}).
 *
 * <pre>
 *   java EnrolRush.java tokens  BASE_URL CHILDREN_CSV TOKENS_FILE [PASSWORD]
 *   java EnrolRush.java rush    BASE_URL CHILDREN_CSV TOKENS_FILE WARMUP_TERM MEASURED_TERM CLIENTS WARMUP_S DURATION_S
 * </pre>
 *
 * CHILDREN_CSV lines: {@code login,childId,term,offeringId;offeringId;...}; the warm-up posts for offerings of one
 * term, the measured period for those of another, so that it starts with empty seats.
 */
public class EnrolRush {

    record Child(String login, String childId, String[] offerings) {}

    /** Latencies of one client, in nanoseconds. */
    static final class Latencies {
        long[] values = new long[4096];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }

    static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "tokens" -> tokens(args[1], Path.of(args[2]), Path.of(args[3]), args.length > 4 ? args[4] : "Kehou@2026");
            case "rush" -> rush(
                    args[1],
                    Path.of(args[2]),
                    Path.of(args[3]),
                    args[4],
                    args[5],
                    Integer.parseInt(args[6]),
                    Integer.parseInt(args[7]),
                    Integer.parseInt(args[8]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /** Opens a token for every login of the file, eight at a time (each costs a bcrypt check on the server). */
    static void tokens(String base, Path children, Path out, String password) throws Exception {
        List<String> logins = Files.readAllLines(children).stream()
                .filter(l -> !l.isBlank())
                .map(l -> l.split(",")[0])
                .distinct()
                .toList();
        HttpClient http = client();
        Map<String, String> tokens = new ConcurrentHashMap<>();
        Semaphore slots = new Semaphore(8);
        long started = System.nanoTime();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String login : logins) {
                threads.submit(() -> {
                    slots.acquire();
                    try {
                        HttpResponse<String> r = http.send(
                                HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        Matcher m = TOKEN.matcher(r.body());
                        if (r.statusCode() == 201 && m.find()) {
                            tokens.put(login, m.group(1));
                        } else {
                            System.err.println("no token for " + login + ": " + r.statusCode() + " " + r.body());
                        }
                    } finally {
                        slots.release();
                    }
                    return null;
                });
            }
        }
        StringBuilder lines = new StringBuilder();
        tokens.forEach((login, token) -> lines.append(login).append(',').append(token).append('\n'));
        Files.writeString(out, lines);
        System.out.printf("tokens: %d of %d logins in %.1f s%n", tokens.size(), logins.size(), (System.nanoTime() - started) / 1e9);
        if (tokens.size() != logins.size()) {
            System.exit(1);
        }
    }

    static void rush(
            String base,
            Path childrenFile,
            Path tokensFile,
            String warmupTerm,
            String term,
            int clients,
            int warmup,
            int duration)
            throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String line : Files.readAllLines(tokensFile)) {
            if (!line.isBlank()) {
                String[] p = line.split(",");
                tokens.put(p[0], p[1]);
            }
        }
        List<Child> measuredChildren = children(childrenFile, tokens, term);
        java.util.concurrent.atomic.AtomicReference<List<Child>> current =
                new java.util.concurrent.atomic.AtomicReference<>(children(childrenFile, tokens, warmupTerm));
        String consent = consentVersion(base, tokens.values().iterator().next());
        URI uri = URI.create(base);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        List<Latencies> latencies = new ArrayList<>();
        List<Map<String, Integer>> statuses = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            Map<String, Integer> counts = new TreeMap<>();
            statuses.add(counts);
            threads.add(Thread.ofVirtual().start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                Connection connection = null;
                while (!stop.get()) {
                    List<Child> children = current.get();
                    Child child = children.get(random.nextInt(children.size()));
                    String offering = child.offerings()[random.nextInt(child.offerings().length)];
                    byte[] body = ("{\"childId\":\"" + child.childId() + "\",\"offeringId\":\"" + offering
                                    + "\",\"consent\":true,\"consentVersion\":\"" + consent + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    byte[] head = ("POST /api/v1/enrollments HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                                    + "\r\nAuthorization: Bearer " + tokens.get(child.login())
                                    + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + UUID.randomUUID()
                                    + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1);
                    long started = System.nanoTime();
                    String status;
                    try {
                        if (connection == null) {
                            connection = new Connection(uri.getHost(), uri.getPort());
                        }
                        int code = connection.exchange(head, body);
                        status = String.valueOf(code);
                        if (connection.closed) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException e) {
                        status = "io:" + e.getClass().getSimpleName();
                        if (connection != null) {
                            connection.close();
                        }
                        connection = null;
                    }
                    long took = System.nanoTime() - started;
                    if (measuring.get() && !stop.get()) {
                        mine.add(took);
                        counts.merge(status, 1, Integer::sum);
                    }
                }
                if (connection != null) {
                    connection.close();
                }
            }));
        }
        Thread.sleep(warmup * 1000L);
        current.set(measuredChildren);
        measuring.set(true);
        long from = System.nanoTime();
        Thread.sleep(duration * 1000L);
        stop.set(true);
        long measured = System.nanoTime() - from;
        for (Thread t : threads) {
            t.join();
        }
        long[] all = latencies.stream()
                .flatMapToLong(a -> Arrays.stream(a.values, 0, a.size))
                .sorted()
                .toArray();
        Map<String, Integer> byStatus = new TreeMap<>();
        statuses.forEach(m -> m.forEach((k, v) -> byStatus.merge(k, v, Integer::sum)));
        long errors = byStatus.entrySet().stream()
                .filter(e -> !List.of("201", "202", "409", "422").contains(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
        double seconds = measured / 1e9;
        System.out.printf(
                "rush clients=%d term=%s requests=%d throughput=%.0f p50_ms=%.1f p99_ms=%.1f errors=%d statuses=%s%n",
                clients,
                term,
                all.length,
                all.length / seconds,
                percentile(all, 0.50) / 1e6,
                percentile(all, 0.99) / 1e6,
                errors,
                byStatus);
    }

    /**
     * One keep-alive HTTP/1.1 connection, written and read by hand: the JDK's HttpClient costs the server's two
     * cores more than the requests it sends.
     */
    static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        boolean closed;

        Connection(String host, int port) throws IOException {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
            out = new BufferedOutputStream(socket.getOutputStream(), 8_192);
        }

        /** Sends one request and reads its whole answer; returns the status. */
        int exchange(byte[] head, byte[] body) throws IOException {
            out.write(head);
            out.write(body);
            out.flush();
            String statusLine = line();
            if (statusLine == null) {
                throw new java.io.EOFException("connection closed");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = 0;
            boolean chunked = false;
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    closed = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else {
                skip(length);
            }
            return status;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new java.io.EOFException("body cut short");
                    }
                    skipped = 1;
                }
                n -= skipped;
            }
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (c == '\n') {
                    int end = b.length();
                    return end > 0 && b.charAt(end - 1) == '\r' ? b.substring(0, end - 1) : b.toString();
                }
                b.append((char) c);
            }
            return b.isEmpty() ? null : b.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing left to do with a broken connection
            }
        }
    }

    static List<Child> children(Path file, Map<String, String> tokens, String term) throws IOException {
        List<Child> children = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] p = line.split(",");
            if (p.length == 4 && p[2].equals(term) && tokens.containsKey(p[0])) {
                children.add(new Child(p[0], p[1], p[3].split(";")));
            }
        }
        if (children.isEmpty()) {
            throw new IllegalStateException("no children with offerings of term " + term);
        }
        return children;
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static String consentVersion(String base, String token) throws Exception {
        HttpResponse<String> r = client().send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/enrollments/consent"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no consent version: " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }
}
