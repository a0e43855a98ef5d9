package org.kehou.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** §4: the state before and after a change is stored as JSON that any reader can parse back exactly. */
class AuditTrailTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesNoStateAsNull() {
        assertThat(AuditTrail.json(null)).isNull();
    }

    @Test
    void writesEmptyStateAsEmptyObject() {
        assertThat(AuditTrail.json(Map.of())).isEqualTo("{}");
    }

    @Test
    void writesValuesAsStrings() {
        assertThat(AuditTrail.json(Map.of("grade", 3, "name", "王小明"))).isEqualTo("{\"grade\":\"3\",\"name\":\"王小明\"}");
    }

    @Test
    void ordersKeysAlphabetically() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("zeta", "1");
        state.put("alpha", "2");
        state.put("mobile", "3");

        assertThat(AuditTrail.json(state)).isEqualTo("{\"alpha\":\"2\",\"mobile\":\"3\",\"zeta\":\"1\"}");
    }

    @Test
    void writesNullValueAsJsonNull() {
        Map<String, Object> state = new HashMap<>();
        state.put("note", null);

        assertThat(AuditTrail.json(state)).isEqualTo("{\"note\":null}");
    }

    @Test
    void escapesQuotesAndBackslashes() {
        assertThat(AuditTrail.json(Map.of("name", "a\"b\\c"))).isEqualTo("{\"name\":\"a\\\"b\\\\c\"}");
    }

    @Test
    void escapesQuotesInKeys() {
        assertThat(AuditTrail.json(Map.of("x\":\"y", "v"))).isEqualTo("{\"x\\\":\\\"y\":\"v\"}");
    }

    @Test
    void escapesControlCharacters() {
        assertThat(AuditTrail.json(Map.of("note", "a\nb\rc\td\u0000e\u001f")))
                .isEqualTo("{\"note\":\"a\\nb\\rc\\td\\u0000e\\u001f\"}");
    }

    @Test
    void keepsMarkupAsPlainText() {
        String markup = "<script>alert('x')</script>&amp;";

        assertThat(AuditTrail.json(Map.of("name", markup))).isEqualTo("{\"name\":\"" + markup + "\"}");
    }

    @Test
    void parsesBackToTheSameState() {
        Map<String, Object> state = new HashMap<>();
        state.put("name", "张\"三\\ <b>bold</b>");
        state.put("note", "line 1\nline 2\ttab\u0007bell\u2028");
        state.put("empty", "");
        state.put("missing", null);
        state.put("injection", "\",\"role\":\"CITY_ADMIN");

        String json = AuditTrail.json(state);

        assertThat(JSON.readValue(json, Map.class)).isEqualTo(state);
    }
}
