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

    /**
     * A child's requests, built before the rush so that the client spends its share of the two cores on sending:
     * per offering the bytes up to the idempotency key's value and those after it (the rest of the head and the
     * body).
     */
    record Prepared(byte[][] heads, byte[][] tails) {}

    static final String[] STATUSES = new String[1000];

    static {
        for (int i = 0; i < STATUSES.length; i++) {
            STATUSES[i] = String.valueOf(i);
        }
    }

    static Prepared[] prepare(List<Child> children, Map<String, String> tokens, String consent, URI uri) {
        Prepared[] prepared = new Prepared[children.size()];
        for (int c = 0; c < prepared.length; c++) {
            Child child = children.get(c);
            byte[][] heads = new byte[child.offerings().length][];
            byte[][] tails = new byte[heads.length][];
            for (int o = 0; o < heads.length; o++) {
                byte[] body = ("{\"childId\":\"" + child.childId() + "\",\"offeringId\":\"" + child.offerings()[o]
                                + "\",\"consent\":true,\"consentVersion\":\"" + consent + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                heads[o] = ("POST /api/v1/enrollments" + System.getenv().getOrDefault("RUSH_QUERY", "")
                                + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + port(uri)
                                + "\r\nAuthorization: Bearer " + tokens.get(child.login())
                                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                                + "\r\nIdempotency-Key: ")
                        .getBytes(StandardCharsets.ISO_8859_1);
                byte[] end = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
                tails[o] = new byte[end.length + body.length];
                System.arraycopy(end, 0, tails[o], 0, end.length);
                System.arraycopy(body, 0, tails[o], end.length, body.length);
            }
            prepared[c] = new Prepared(heads, tails);
        }
        return prepared;
    }

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

    /**
     * The thread of one simulated client: a platform thread blocked in its socket's read by default, which costs the
     * shared cores less per request than a virtual thread parked on the JDK's poller; CLIENT_THREADS=virtual for the
     * other.
     */
    static Thread.Builder clientThread() {
        return "virtual".equals(System.getenv("CLIENT_THREADS")) ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
    }

    /**
     * CPU time of the application (its pid in APP_PID), of every PostgreSQL process and of this client, read from
     * /proc between two moments, and the machine's idle share: where the two cores went during a measured period.
     */
    record Cpu(long app, long postgres, long client, long idle, long total) {

        static Cpu now() {
            String pid = System.getenv("APP_PID");
            long app = pid == null || pid.isBlank() ? 0 : ticks(Path.of("/proc", pid, "stat"));
            long postgres = 0;
            try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path d : dirs) {
                    try {
                        String stat = Files.readString(d.resolve("stat"));
                        if (stat.contains("(postgres)")) {
                            postgres += ticks(stat);
                        }
                    } catch (IOException gone) {
                        // the process ended between listing and reading
                    }
                }
            } catch (IOException e) {
                return new Cpu(0, 0, 0, 0, 0);
            }
            long idle = 0;
            long total = 0;
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                for (int i = 1; i < cpu.length; i++) {
                    total += Long.parseLong(cpu[i]);
                }
                idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            } catch (IOException | RuntimeException e) {
                // leave the machine's share out
            }
            return new Cpu(app, postgres, ticks(Path.of("/proc/self/stat")), idle, total);
        }

        private static long ticks(Path stat) {
            try {
                return ticks(Files.readString(stat));
            } catch (IOException e) {
                return 0;
            }
        }

        /** utime + stime of a /proc/[pid]/stat line, in clock ticks (1/100 s). */
        private static long ticks(String stat) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        /** Milliseconds of CPU per request of each, and the idle share, since {@code before}. */
        String since(Cpu before, long requests) {
            double n = Math.max(1, requests);
            return String.format(
                    "cpu_ms_per_request app=%.3f postgres=%.3f client=%.3f idle=%.0f%%",
                    (app - before.app) * 10.0 / n,
                    (postgres - before.postgres) * 10.0 / n,
                    (client - before.client) * 10.0 / n,
                    total == before.total ? 0 : 100.0 * (idle - before.idle) / (total - before.total));
        }
    }

    /** The port of a base address, 80 when it names none. */
    static int port(URI uri) {
        return uri.getPort() < 0 ? 80 : uri.getPort();
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
        String consent = consentVersion(base, tokens.values().iterator().next());
        URI uri = URI.create(base);
        Prepared[] measuredChildren = prepare(children(childrenFile, tokens, term), tokens, consent, uri);
        java.util.concurrent.atomic.AtomicReference<Prepared[]> current = new java.util.concurrent.atomic.AtomicReference<>(
                prepare(children(childrenFile, tokens, warmupTerm), tokens, consent, uri));
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
            threads.add(clientThread().start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                // keys unique per client and run: a random prefix and a counter, without a random draw per request
                byte[] keyPrefix = (UUID.randomUUID() + "-").getBytes(StandardCharsets.ISO_8859_1);
                byte[] request = new byte[4096];
                long sent = 0;
                Connection connection = null;
                while (!stop.get()) {
                    Prepared[] children = current.get();
                    Prepared child = children[random.nextInt(children.length)];
                    int o = random.nextInt(child.heads().length);
                    byte[] head = child.heads()[o];
                    byte[] tail = child.tails()[o];
                    byte[] counter = Long.toString(sent++).getBytes(StandardCharsets.ISO_8859_1);
                    int length = head.length + keyPrefix.length + counter.length + tail.length;
                    if (length > request.length) {
                        request = new byte[length * 2];
                    }
                    System.arraycopy(head, 0, request, 0, head.length);
                    System.arraycopy(keyPrefix, 0, request, head.length, keyPrefix.length);
                    System.arraycopy(counter, 0, request, head.length + keyPrefix.length, counter.length);
                    System.arraycopy(tail, 0, request, length - tail.length, tail.length);
                    long started = System.nanoTime();
                    String status;
                    try {
                        if (connection == null) {
                            connection = new Connection(uri.getHost(), port(uri));
                        }
                        int code = connection.exchange(request, length);
                        status = STATUSES[code];
                        if (connection.closed) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException | RuntimeException e) {
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
        // the command the script gives, run while the warm-up's load goes on (the tables' statistics brought up to
        // date, as autovacuum would on a server that runs it); its output would mix with this program's line
        String before = System.getenv("BEFORE_MEASURING");
        if (before != null && !before.isBlank()) {
            Process command = new ProcessBuilder("bash", "-c", before)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (command.waitFor() != 0) {
                throw new IllegalStateException("BEFORE_MEASURING failed: " + before);
            }
        }
        current.set(measuredChildren);
        measuring.set(true);
        Cpu cpuFrom = Cpu.now();
        long from = System.nanoTime();
        Thread.sleep(duration * 1000L);
        stop.set(true);
        long measured = System.nanoTime() - from;
        Cpu cpuTo = Cpu.now();
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
                "rush clients=%d term=%s requests=%d throughput=%.0f p50_ms=%.1f p99_ms=%.1f errors=%d statuses=%s %s%n",
                clients,
                term,
                all.length,
                all.length / seconds,
                percentile(all, 0.50) / 1e6,
                percentile(all, 0.99) / 1e6,
                errors,
                byStatus,
                cpuTo.since(cpuFrom, all.length));
    }

    /**
     * One keep-alive HTTP/1.1 connection, written and read by hand into one buffer: the JDK's HttpClient, and even
     * reading a buffered stream byte by byte, cost the server's two cores more than the requests it sends.
     */
    static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final byte[] buffer = new byte[16_384];
        int start;
        int end;
        boolean closed;
        java.io.ByteArrayOutputStream sink;

        Connection(String host, int port) throws IOException {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        /** Sends one request in one write and reads its whole answer; returns the status. */
        int exchange(byte[] request, int length) throws IOException {
            return exchange(request, length, null);
        }

        /** Sends one request in one write and reads its whole answer, its body into {@code body} if given. */
        int exchange(byte[] request, int length, java.io.ByteArrayOutputStream body) throws IOException {
            sink = body;
            out.write(request, 0, length);
            out.flush();
            int lineEnd = lineEnd();
            if (lineEnd - start < 12) {
                throw new java.io.EOFException("no status line");
            }
            int status = (buffer[start + 9] - '0') * 100 + (buffer[start + 10] - '0') * 10 + (buffer[start + 11] - '0');
            start = lineEnd + 2;
            long contentLength = 0;
            boolean chunked = false;
            for (lineEnd = lineEnd(); lineEnd > start; lineEnd = lineEnd()) {
                String header = new String(buffer, start, lineEnd - start, StandardCharsets.ISO_8859_1);
                start = lineEnd + 2;
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    contentLength = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    closed = true;
                }
            }
            start = lineEnd + 2;
            if (chunked) {
                while (true) {
                    lineEnd = lineEnd();
                    long size = Long.parseLong(
                            new String(buffer, start, lineEnd - start, StandardCharsets.ISO_8859_1).trim(), 16);
                    start = lineEnd + 2;
                    skip(size);
                    java.io.ByteArrayOutputStream kept = sink;
                    sink = null;
                    skip(2);
                    sink = kept;
                    if (size == 0) {
                        break;
                    }
                }
            } else {
                skip(contentLength);
            }
            return status;
        }

        /** The index of the next CR LF from start, reading more as needed. */
        private int lineEnd() throws IOException {
            int scanned = 0;
            while (true) {
                for (int i = start + scanned; i + 1 < end; i++) {
                    if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                        return i;
                    }
                }
                scanned = Math.max(0, end - start - 1);
                fill();
            }
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                if (start == end) {
                    fill();
                }
                int step = (int) Math.min(n, end - start);
                if (sink != null) {
                    sink.write(buffer, start, step);
                }
                start += step;
                n -= step;
            }
        }

        /** Keeps the unread bytes, moved to the front, and reads more after them. */
        private void fill() throws IOException {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.length) {
                throw new IOException("line too long");
            }
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                throw new java.io.EOFException("connection closed");
            }
            end += read;
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
