package org.kehou.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Compares an answer of a direct API route (ADR 0021) with the regular path's answer to the same request: the same
 * status, headers (but those that differ between any two answers) and body.
 */
public final class SameAnswer {

    /** Headers that differ between any two answers. */
    public static final List<String> VARYING =
            List.of("Date", "Content-Length", "Transfer-Encoding", "Keep-Alive", "Connection");

    private SameAnswer() {}

    public static void assertSameAnswer(MockHttpServletResponse direct, MockHttpServletResponse regular)
            throws Exception {
        assertThat(direct.getStatus()).isEqualTo(regular.getStatus());
        assertThat(headers(direct)).isEqualTo(headers(regular));
        assertThat(direct.getContentAsString()).isEqualTo(regular.getContentAsString());
    }

    private static Map<String, List<String>> headers(MockHttpServletResponse response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : response.getHeaderNames()) {
            if (VARYING.stream().noneMatch(name::equalsIgnoreCase)) {
                headers.put(name, response.getHeaders(name));
            }
        }
        return headers;
    }
}
