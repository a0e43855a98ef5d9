package org.kehou.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kehou.operations.PickupManagement.Release;
import org.kehou.operations.PickupManagement.ReleaseLine;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hand-overs asked for by apps (OPS-2), idempotent on retry: the first request under a key is decided by
 * {@link PickupManagement#release} with all its rules, and its answer, the hand-over or the refusal, is kept under
 * the key; a retry with the same key and request gets that answer again and records nothing new, so a refused
 * hand-over is recorded once however often the app retries. A request outside the caller's reach is not found and
 * leaves no trace, not even its key.
 */
@Service
public class PickupRequests {

    private final PickupManagement pickup;
    private final OrganizationQueries organization;
    private final JdbcClient jdbc;
    private final Clock clock;

    PickupRequests(PickupManagement pickup, OrganizationQueries organization, JdbcClient jdbc, Clock clock) {
        this.pickup = pickup;
        this.organization = organization;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Releases a child as {@link PickupManagement#release} does, or answers as it did the first time under this key.
     *
     * @throws RuleViolation the refusal, the first time and on every retry
     */
    @Transactional(noRollbackFor = RuleViolation.class)
    public Answer release(UserScope scope, Release command, String key) {
        String fingerprint = fingerprint(command);
        Optional<Kept> prior = prior(scope.accountId(), key);
        if (prior.isPresent()) {
            SameRequestRule.check(prior.get().fingerprint(), fingerprint).enforce();
            return prior.get().answer(pickup);
        }
        try {
            ReleaseLine line = pickup.release(scope, command);
            keep(scope, key, fingerprint, command, line.id(), null);
            // as stored, so that a replay, read back from the database, answers exactly the same
            return new Answer(pickup.releaseLine(line.id()), false);
        } catch (RuleViolation refused) {
            keep(scope, key, fingerprint, command, null, refused);
            throw refused;
        }
    }

    private void keep(
            UserScope scope,
            String key,
            String fingerprint,
            Release command,
            @Nullable UUID releaseId,
            @Nullable RuleViolation refused) {
        StudentRow child = organization
                .student(
                        PickupSchedule.reader(scope.schoolId() == null ? new UUID(0, 0) : scope.schoolId()),
                        command.studentId())
                .student();
        jdbc.sql("""
                        insert into operations.pickup_request_key (account_id, idem_key, county_id, school_id,
                          fingerprint, release_id, reason_key, reason_arguments, created_at)
                        values (:account, :key, :county, :school, :fingerprint, :release, :reason, :arguments, :at)""")
                .param("account", scope.accountId())
                .param("key", key)
                .param("county", child.countyId())
                .param("school", child.schoolId())
                .param("fingerprint", fingerprint)
                .param("release", releaseId)
                .param("reason", refused == null ? null : refused.messageKey())
                .param(
                        "arguments",
                        refused == null
                                ? null
                                : Arrays.stream(refused.arguments())
                                        .map(String::valueOf)
                                        .collect(Collectors.joining(PickupManagement.SEPARATOR)))
                .param("at", LocalDateTime.now(clock))
                .update();
    }

    private Optional<Kept> prior(UUID account, String key) {
        return jdbc.sql("""
                        select fingerprint, release_id, reason_key, reason_arguments from operations.pickup_request_key
                        where account_id = :account and idem_key = :key""")
                .param("account", account)
                .param("key", key)
                .query((rs, n) -> new Kept(
                        rs.getString("fingerprint"),
                        rs.getObject("release_id", UUID.class),
                        rs.getString("reason_key"),
                        rs.getString("reason_arguments")))
                .optional();
    }

    /** What a request asked for, so that a key reused for another request is noticed. */
    static String fingerprint(Release command) {
        String text = String.join(
                "|",
                command.studentId().toString(),
                command.onDate().toString(),
                command.service().name(),
                command.to().name(),
                String.valueOf(command.personId()),
                command.otherName() == null ? "" : command.otherName().strip());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The answer to a hand-over request.
     *
     * @param replayed whether it is the answer first given to this key
     */
    public record Answer(ReleaseLine release, boolean replayed) {}

    private record Kept(
            String fingerprint,
            @Nullable UUID releaseId,
            @Nullable String reasonKey,
            @Nullable String reasonArguments) {

        Answer answer(PickupManagement pickup) {
            if (releaseId == null) {
                List<String> arguments = reasonArguments == null || reasonArguments.isEmpty()
                        ? List.of()
                        : Arrays.asList(reasonArguments.split(PickupManagement.SEPARATOR, -1));
                throw new RuleViolation(String.valueOf(reasonKey), arguments.toArray());
            }
            return new Answer(pickup.releaseLine(releaseId), true);
        }
    }
}
