package org.kehou.organization;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.kehou.organization.OrganizationManagement.ImportResult;
import org.kehou.organization.OrganizationManagement.RowError;
import org.kehou.platform.Ids;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.UserScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Roster import and export per school (ORG-3). An upload becomes an import job that runs in the background and
 * reports its progress; its state is kept in the database so any instance can show it. A job still running when
 * its instance stopped is marked interrupted at the next start, and can simply be uploaded again: importing is
 * idempotent.
 */
@Service
public class RosterImport implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RosterImport.class);

    private final OrganizationManagement management;
    private final OrganizationQueries queries;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MessageSource messages;
    private final Clock clock;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    RosterImport(
            OrganizationManagement management,
            OrganizationQueries queries,
            JdbcClient jdbc,
            TransactionTemplate tx,
            MessageSource messages,
            Clock clock) {
        this.management = management;
        this.queries = queries;
        this.jdbc = jdbc;
        this.tx = tx;
        this.messages = messages;
        this.clock = clock;
    }

    /** The template to fill in, with headers in the user's language. */
    public byte[] template(UserScope scope, Locale locale) {
        ownSchool(scope);
        return RosterWorkbook.template(key -> messages.getMessage(key, null, locale));
    }

    /** Starts importing an uploaded file into the caller's school; returns the job to follow. */
    public UUID start(UserScope scope, String fileName, byte[] content, Locale locale) {
        UUID schoolId = ownSchool(scope);
        var school = queries.school(scope, schoolId);
        UUID job = Ids.next();
        jdbc.sql("""
                        insert into organization.import_job (id, county_id, school_id, actor, file_name, status, total_rows, done_rows,
                          created, updated, errors, started_at)
                        values (:id, :county, :school, :actor, :file, 'READING', 0, 0, 0, 0, null, :at)""")
                .param("id", job)
                .param("county", school.countyId())
                .param("school", schoolId)
                .param("actor", scope.accountId().toString())
                .param("file", fileName.length() > 200 ? fileName.substring(0, 200) : fileName)
                .param("at", LocalDateTime.now(clock))
                .update();
        SecurityContext context = SecurityContextHolder.getContext();
        workers.submit(() -> {
            SecurityContextHolder.setContext(context);
            try {
                run(scope, schoolId, job, content, locale);
            } catch (RuntimeException e) {
                log.error("import {} failed", job, e);
                finish(job, "FAILED", 0, 0, List.of(new RowError(0, RosterColumn.GRADE, "import.failed")));
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        return job;
    }

    private void run(UserScope scope, UUID schoolId, UUID job, byte[] content, Locale locale) {
        long started = System.nanoTime();
        RosterWorkbook.Parsed parsed = RosterWorkbook.read(
                new ByteArrayInputStream(content),
                key -> messages.getMessage(key, null, locale),
                this::headersOf,
                done -> progress(job, "READING", done, 0));
        if (!parsed.errors().isEmpty()) {
            finish(job, "FAILED", 0, 0, parsed.errors());
            return;
        }
        int total = parsed.rows().size();
        long read = System.nanoTime();
        progress(job, "IMPORTING", 0, total);
        ImportResult result = tx.execute(status -> {
            ImportResult r = management.importRoster(
                    scope, schoolId, parsed.rows(), done -> progress(job, "IMPORTING", done, total));
            if (!r.errors().isEmpty()) {
                status.setRollbackOnly();
            }
            return r;
        });
        log.info(
                "import {}: {} rows read in {} ms, imported in {} ms",
                job,
                total,
                (read - started) / 1_000_000,
                (System.nanoTime() - read) / 1_000_000);
        if (result.errors().isEmpty()) {
            finish(job, "DONE", result.created(), result.updated(), List.of());
        } else {
            finish(job, "FAILED", 0, 0, result.errors());
        }
    }

    private Set<String> headersOf(RosterColumn column) {
        return Set.of(
                messages.getMessage(column.messageKey(), null, Locale.SIMPLIFIED_CHINESE),
                messages.getMessage(column.messageKey(), null, Locale.ENGLISH));
    }

    /** Progress is written outside the import's transaction so that it can be seen while the import runs. */
    private void progress(UUID job, String status, int done, int total) {
        jdbc.sql(
                        "update organization.import_job set status = :status, done_rows = :done, total_rows = :total where id = :id")
                .param("status", status)
                .param("done", done)
                .param("total", total)
                .param("id", job)
                .update();
    }

    private void finish(UUID job, String status, int created, int updated, List<RowError> errors) {
        jdbc.sql("""
                        update organization.import_job set status = :status, created = :created, updated = :updated, errors = :errors,
                          done_rows = total_rows, finished_at = :at where id = :id""")
                .param("status", status)
                .param("created", created)
                .param("updated", updated)
                .param("errors", errors.isEmpty() ? null : encode(errors))
                .param("at", LocalDateTime.now(clock))
                .param("id", job)
                .update();
    }

    /** A job of the caller's own school. */
    public ImportJob job(UserScope scope, UUID jobId) {
        UUID schoolId = ownSchool(scope);
        return jdbc.sql("""
                        select id, file_name, status, total_rows, done_rows, created, updated, errors, started_at, finished_at
                        from organization.import_job where id = :id and school_id = :school""")
                .param("id", jobId)
                .param("school", schoolId)
                .query((rs, n) -> new ImportJob(
                        rs.getObject("id", UUID.class),
                        rs.getString("file_name"),
                        rs.getString("status"),
                        rs.getInt("total_rows"),
                        rs.getInt("done_rows"),
                        rs.getInt("created"),
                        rs.getInt("updated"),
                        decode(rs.getString("errors"))))
                .optional()
                .orElseThrow(() -> new NotFoundException("import"));
    }

    /** Marks jobs that were running when their instance stopped. */
    @EventListener(ApplicationReadyEvent.class)
    void markInterrupted() {
        int count = jdbc.sql(
                        "update organization.import_job set status = 'INTERRUPTED' where status in ('READING', 'IMPORTING')")
                .update();
        if (count > 0) {
            log.warn("{} import jobs were interrupted by a restart", count);
        }
    }

    /** Writes the roster of the caller's school, or of one of its classes, as .xlsx. */
    public void export(UserScope scope, @Nullable UUID classId, Locale locale, OutputStream out) throws IOException {
        UUID schoolId = ownSchool(scope);
        String sheet = queries.school(scope, schoolId).name();
        if (classId != null) {
            var c = queries.schoolClass(scope, classId);
            if (!c.schoolId().equals(schoolId)) {
                throw new NotFoundException("class");
            }
            sheet = messages.getMessage("class.title", new Object[] {c.gradeLevel(), c.name()}, locale);
        }
        RosterWorkbook.export(
                queries.roster(scope, schoolId, classId), key -> messages.getMessage(key, null, locale), sheet, out);
    }

    @Override
    public void destroy() {
        workers.shutdown();
    }

    private static UUID ownSchool(UserScope scope) {
        UUID school = scope.schoolId();
        if (school == null || !scope.canManageSchool(school)) {
            throw new NotFoundException("school");
        }
        return school;
    }

    private static String encode(List<RowError> errors) {
        StringBuilder b = new StringBuilder();
        for (RowError e : errors) {
            b.append(e.row())
                    .append('\t')
                    .append(e.column().name())
                    .append('\t')
                    .append(e.messageKey());
            for (Object arg : e.arguments()) {
                b.append('\t').append(arg);
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static List<RowError> decode(@Nullable String text) {
        List<RowError> errors = new ArrayList<>();
        if (text == null) {
            return errors;
        }
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t");
            Object[] args = new Object[parts.length - 3];
            System.arraycopy(parts, 3, args, 0, args.length);
            errors.add(new RowError(Integer.parseInt(parts[0]), RosterColumn.valueOf(parts[1]), parts[2], args));
        }
        return errors;
    }

    /** An import job as its page shows it. */
    public record ImportJob(
            UUID id,
            String fileName,
            String status,
            int totalRows,
            int doneRows,
            int created,
            int updated,
            List<RowError> errors) {

        public boolean running() {
            return status.equals("READING") || status.equals("IMPORTING");
        }

        public int percent() {
            return totalRows == 0 ? (running() ? 5 : 100) : Math.min(100, doneRows * 100 / totalRows);
        }
    }
}
