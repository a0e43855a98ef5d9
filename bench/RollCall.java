import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The county's afternoon roll call's load client (bench/README.md, OPS-1): C clients, each a thread with one
 * keep-alive connection written and read by hand ({@code EnrolRush.Connection}, beside this file), take the
 * next session of a list and post its whole roll call in one request, as a teacher's app would at the end of a
 * slot: everyone present but about 3 % of the children (mostly absent, some late, a few on leave), drawn from the
 * session's id so that every run sends the same bodies. Each session is posted once; the run ends when all are
 * done. Prints one line of results. Needs only a JDK 22 or later (run as {@code java RollCall.java ...}, which
 * compiles {@code EnrolRush.java} beside it too); the bearer tokens
 * come from {@code java EnrolRush.java tokens}, whose file has the login in the first column as this one does.
 *
 * <pre>
 *   java RollCall.java run BASE_URL SESSIONS_CSV TOKENS_FILE SLOT DATE CLIENTS [LIMIT] [REASON]
 * </pre>
 *
 * SESSIONS_CSV lines: {@code login,offeringId,slot,childId;childId;...}; only the sessions of SLOT are posted, the
 * first LIMIT of them when LIMIT is above 0. A REASON is needed for a day before today (a correction).
 */
public class RollCall {

    record Session(String login, String offeringId, String slot, String[] children) {}

    static final String[] EXCEPTIONS = {"ABSENT", "ABSENT", "ABSENT", "LATE", "LATE", "LEAVE"};
    static final Pattern ADDED = Pattern.compile("\"added\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        if (args.length < 7 || !args[0].equals("run")) {
            throw new IllegalArgumentException(
                    "usage: run BASE_URL SESSIONS_CSV TOKENS_FILE SLOT DATE CLIENTS [LIMIT] [REASON]");
        }
        run(
                args[1],
                Path.of(args[2]),
                Path.of(args[3]),
                args[4],
                args[5],
                Integer.parseInt(args[6]),
                args.length > 7 ? Integer.parseInt(args[7]) : 0,
                args.length > 8 ? args[8] : null);
    }

    static void run(
            String base,
            Path sessionsFile,
            Path tokensFile,
            String slot,
            String date,
            int clients,
            int limit,
            String reason)
            throws Exception {
        Map<String, String> tokens = new HashMap<>();
        for (String line : Files.readAllLines(tokensFile)) {
            String[] p = line.split(",", 2);
            if (p.length == 2) {
                tokens.put(p[0], p[1]);
            }
        }
        List<Session> sessions = new ArrayList<>();
        for (String line : Files.readAllLines(sessionsFile)) {
            String[] p = line.split(",");
            if (p.length == 4 && p[2].equals(slot) && tokens.containsKey(p[0])) {
                sessions.add(new Session(p[0], p[1], p[2], p[3].split(";")));
            }
        }
        if (limit > 0 && sessions.size() > limit) {
            sessions = sessions.subList(0, limit);
        }
        if (sessions.isEmpty()) {
            throw new IllegalStateException("no sessions of " + slot);
        }
        // the requests are built before the clock starts, so that the client's share of the two cores goes to sending
        URI uri = URI.create(base);
        byte[][] requests = new byte[sessions.size()][];
        long exceptions = 0;
        long children = 0;
        // a phone app that keeps its own list asks for the short answer (RFC 7240); ANSWER=full for the whole session
        String prefer = "full".equals(System.getenv("ANSWER")) ? "" : "Prefer: return=minimal\r\n";
        for (int i = 0; i < requests.length; i++) {
            Session s = sessions.get(i);
            Random random = new Random(s.offeringId().hashCode());
            StringBuilder body = new StringBuilder("{\"reason\":")
                    .append(reason == null ? "null" : "\"" + reason + "\"")
                    .append(",\"exceptions\":[");
            boolean first = true;
            for (String child : s.children()) {
                children++;
                if (random.nextInt(100) >= 3) {
                    continue;
                }
                exceptions++;
                body.append(first ? "" : ",")
                        .append("{\"childId\":\"")
                        .append(child)
                        .append("\",\"mark\":\"")
                        .append(EXCEPTIONS[random.nextInt(EXCEPTIONS.length)])
                        .append("\"}");
                first = false;
            }
            body.append("]}");
            byte[] content = body.toString().getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST " + uri.getPath().replaceAll("/$", "") + "/api/v1/sessions/" + s.offeringId() + "/"
                            + date + "/roll-call HTTP/1.1\r\n"
                            + "Host: " + uri.getHost() + ":" + EnrolRush.port(uri) + "\r\n"
                            + "Authorization: Bearer " + tokens.get(s.login()) + "\r\n"
                            + "Content-Type: application/json\r\n"
                            + prefer
                            + "Content-Length: " + content.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            byte[] request = Arrays.copyOf(head, head.length + content.length);
            System.arraycopy(content, 0, request, head.length, content.length);
            requests[i] = request;
        }
        long[] latencies = new long[requests.length];
        Map<String, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicLong added = new AtomicLong();
        AtomicInteger errors = new AtomicInteger();
        EnrolRush.Cpu cpuFrom = EnrolRush.Cpu.now();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(EnrolRush.clientThread().start(() -> {
                EnrolRush.Connection connection = null;
                ByteArrayOutputStream answer = new ByteArrayOutputStream(16_384);
                for (int i = next.getAndIncrement(); i < requests.length; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    String status;
                    try {
                        if (connection == null) {
                            connection = new EnrolRush.Connection(uri.getHost(), EnrolRush.port(uri));
                        }
                        answer.reset();
                        int code = connection.exchange(requests[i], requests[i].length, answer);
                        status = String.valueOf(code);
                        Matcher m = ADDED.matcher(answer.toString(StandardCharsets.UTF_8));
                        if (code == 200 && m.find()) {
                            added.addAndGet(Long.parseLong(m.group(1)));
                        } else {
                            errors.incrementAndGet();
                        }
                        if (connection.closed) {
                            connection.close();
                            connection = null;
                        }
                    } catch (Exception e) {
                        status = e.getClass().getSimpleName();
                        errors.incrementAndGet();
                        if (connection != null) {
                            connection.close();
                        }
                        connection = null;
                    }
                    latencies[i] = System.nanoTime() - t0;
                    byStatus.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                }
                if (connection != null) {
                    connection.close();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        EnrolRush.Cpu cpuTo = EnrolRush.Cpu.now();
        Arrays.sort(latencies);
        System.out.printf(
                "rollcall clients=%d slot=%s date=%s sessions=%d children=%d exceptions=%d added=%d seconds=%.2f"
                        + " requests_per_s=%.1f added_rows_per_s=%.0f p50_ms=%.1f p99_ms=%.1f errors=%d statuses=%s %s%n",
                clients,
                slot,
                date,
                requests.length,
                children,
                exceptions,
                added.get(),
                seconds,
                requests.length / seconds,
                added.get() / seconds,
                percentile(latencies, 0.50) / 1e6,
                percentile(latencies, 0.99) / 1e6,
                errors.get(),
                new TreeMap<>(byStatus),
                cpuTo.since(cpuFrom, requests.length));
    }

    static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
