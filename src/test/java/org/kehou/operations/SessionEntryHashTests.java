package org.kehou.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * An entry's hash is the SHA-256 of its content as documented, joined by "|" (OPS-1): the chains already stored are
 * checked against it, so the way it is computed may change but never what it computes.
 */
class SessionEntryHashTests {

    private static final String PREVIOUS = "ab".repeat(32);

    @Test
    void isTheSha256OfTheDocumentedContentWithChineseTextEncodedAsUtf8() throws Exception {
        SessionLedger.Entry entry = entry("补录点名", "涧西区第一小学管理员");

        assertThat(entry.expectedHash()).isEqualTo(documentedHash(entry, "补录点名"));
    }

    @Test
    void takesNoReasonAsEmptyText() throws Exception {
        SessionLedger.Entry entry = entry(null, "Teacher");

        assertThat(entry.expectedHash()).isEqualTo(documentedHash(entry, ""));
    }

    /** The SHA-256 of the entry's content as documented, with the reason written as given. */
    private static String documentedHash(SessionLedger.Entry entry, String reason) throws Exception {
        String content = String.join(
                "|",
                PREVIOUS,
                "17",
                entry.countyId().toString(),
                entry.schoolId().toString(),
                "ROLL_CALL",
                entry.offeringId().toString(),
                "2026-12-04",
                entry.studentId().toString(),
                entry.classId().toString(),
                "3",
                "2",
                "ABSENT",
                reason,
                "2026-12-04T16:05:07.123",
                entry.recordedBy().toString(),
                entry.recordedByName());
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static SessionLedger.Entry entry(@Nullable String reason, String recorderName) {
        return new SessionLedger.Entry(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                17,
                SessionKind.ROLL_CALL,
                UUID.randomUUID(),
                LocalDate.of(2026, 12, 4),
                UUID.randomUUID(),
                UUID.randomUUID(),
                3,
                2,
                "ABSENT",
                reason,
                LocalDateTime.of(2026, 12, 4, 16, 5, 7, 123_000_000),
                UUID.randomUUID(),
                recorderName,
                PREVIOUS,
                "");
    }
}
