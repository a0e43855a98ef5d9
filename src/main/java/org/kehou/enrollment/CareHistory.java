package org.kehou.enrollment;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.CareRequests.HistoryEntry;
import org.kehou.platform.Ids;
import org.kehou.platform.UserScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history of each care request: who did what, and when. It is append-only: entries are only ever inserted, in
 * the transaction of the change they record, and read by the request's guardians and school.
 */
@Component
class CareHistory {

    private final JdbcClient jdbc;
    private final Clock clock;

    CareHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void record(
            CareKind kind,
            UUID requestId,
            UUID countyId,
            UUID schoolId,
            UserScope actor,
            CareAction action,
            @Nullable String detail) {
        jdbc.sql("""
                        insert into enrollment.care_request_history
                          (id, request_id, kind, county_id, school_id, occurred_at, actor_id, actor_name, action, detail)
                        values (:id, :request, :kind, :county, :school, :at, :actor, :actorName, :action, :detail)""")
                .param("id", Ids.next())
                .param("request", requestId)
                .param("kind", kind.name())
                .param("county", countyId)
                .param("school", schoolId)
                .param("at", LocalDateTime.now(clock))
                .param("actor", actor.accountId())
                .param("actorName", actor.displayName())
                .param("action", action.name())
                .param("detail", detail)
                .update();
    }

    /** The entries of these requests, oldest first, by request. */
    Map<UUID, List<HistoryEntry>> of(Collection<UUID> requestIds) {
        Map<UUID, List<HistoryEntry>> byRequest = new LinkedHashMap<>();
        if (requestIds.isEmpty()) {
            return byRequest;
        }
        jdbc.sql("""
                        select request_id, occurred_at, actor_name, action, detail
                        from enrollment.care_request_history where request_id in (:ids)
                        order by occurred_at, id""")
                .param("ids", List.copyOf(requestIds))
                .query((rs, n) -> {
                    byRequest
                            .computeIfAbsent(rs.getObject("request_id", UUID.class), k -> new java.util.ArrayList<>())
                            .add(new HistoryEntry(
                                    rs.getObject("occurred_at", LocalDateTime.class),
                                    rs.getString("actor_name"),
                                    CareAction.valueOf(rs.getString("action")),
                                    rs.getString("detail")));
                    return n;
                })
                .list();
        return byRequest;
    }
}
