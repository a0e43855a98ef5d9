package org.kehou.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.DirectApiRoute;
import org.kehou.platform.internal.ApiTokens.Holder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Answers the {@link DirectApiRoute}s ahead of every other filter (ADR 0021): authenticates the bearer token with
 * the same {@link ApiTokens} as the regular chain, requires one of the route's roles, writes the regular chain's security
 * headers and the route's answer. Anything it is not sure of (no route, no or an unusable token, another role, a
 * query string, a body without a length or over {@link #MAX_BODY} bytes, a route that declines or fails) goes down
 * the regular filter chain unchanged, with the body it read replayed.
 */
final class DirectApiFilter extends OncePerRequestFilter {

    static final int MAX_BODY = 16_384;

    private static final Logger log = LoggerFactory.getLogger(DirectApiFilter.class);

    private final List<Matcher> routes;
    private final ApiTokens tokens;
    private final List<HeaderWriter> headers;

    DirectApiFilter(List<DirectApiRoute> routes, ApiTokens tokens, List<HeaderWriter> headers) {
        this.routes = routes.stream()
                .map(r -> new Matcher(r, PathPatternParser.defaultInstance.parse(r.path())))
                .toList();
        this.tokens = tokens;
        this.headers = headers;
    }

    /** A route and its parsed path. */
    private record Matcher(DirectApiRoute route, PathPattern pattern) {}

    /** A route that serves the request, with the values of its path's variables. */
    private record Match(DirectApiRoute route, Map<String, String> variables) {}

    private @Nullable Match match(HttpServletRequest request) {
        String method = request.getMethod();
        PathContainer path = PathContainer.parsePath(
                request.getRequestURI().substring(request.getContextPath().length()));
        for (Matcher m : routes) {
            if (m.route().method().equals(method)) {
                PathPattern.PathMatchInfo info = m.pattern().matchAndExtract(path);
                if (info != null) {
                    return new Match(m.route(), info.getUriVariables());
                }
            }
        }
        return null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return routes.isEmpty() || !BearerTokenFilter.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = BearerTokenFilter.bearer(request);
        long length = request.getContentLengthLong();
        String uri = request.getRequestURI();
        // a path parameter or an escaped character is the regular chain's to judge (its firewall refuses most)
        Match match = token == null
                        || request.getQueryString() != null
                        || length < 0
                        || length > MAX_BODY
                        || uri.indexOf(';') >= 0
                        || uri.indexOf('%') >= 0
                ? null
                : match(request);
        if (match == null) {
            chain.doFilter(request, response);
            return;
        }
        DirectApiRoute route = match.route();
        Holder holder = tokens.authenticate(token).orElse(null);
        if (holder == null || route.roles().stream().noneMatch(holder.scope().roles()::contains)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) length);
        DirectApiRoute.@Nullable Answer answer;
        try {
            answer = route.answer(holder.scope(), match.variables(), body, request);
        } catch (RuntimeException e) {
            log.debug("{} {} left to the regular path", request.getMethod(), request.getRequestURI(), e);
            answer = null;
        }
        if (answer == null) {
            chain.doFilter(new ReplayedBody(request, body), response);
            return;
        }
        for (HeaderWriter writer : headers) {
            writer.writeHeaders(request, response);
        }
        answer.headers().forEach(response::setHeader);
        response.setStatus(answer.status());
        response.setContentType(answer.contentType());
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    /** The request with the body already read from it, to be read again. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;
        private final ServletInputStream stream;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
            this.stream = replay(body);
        }

        @Override
        public ServletInputStream getInputStream() {
            return stream;
        }

        private static ServletInputStream replay(byte[] body) {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return available() == 0;
                }

                @Override
                public int available() {
                    try {
                        return in.available();
                    } catch (IOException e) {
                        return 0;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // the whole body is in memory: it is available at once and then all read
                    try {
                        if (!isFinished()) {
                            listener.onDataAvailable();
                        }
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }
    }
}
