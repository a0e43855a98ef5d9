package org.kehou.platform;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User accounts of every role, each linked to the county, school, staff record, guardian or institution that
 * gives it its scope. Signs in by mobile number or staff number.
 */
@Service
public class AccountManagement {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    AccountManagement(JdbcClient jdbc, PasswordEncoder passwords, AuditTrail audit, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens an account; returns the existing one unchanged when its mobile or staff number is taken. */
    @Transactional
    public UUID openAccount(NewAccount account) {
        Optional<UUID> existing = account.mobile() != null
                ? findIdByLogin(account.mobile())
                : Optional.ofNullable(account.staffNo()).flatMap(this::findIdByLogin);
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = Ids.next();
        jdbc.sql("""
                        insert into platform.user_account (id, version, display_name, mobile, staff_no, password_hash,
                          roles, county_id, school_id, staff_id, guardian_id, institution_id, enabled, demo, created_at)
                        values (:id, 0, :name, :mobile, :staffNo, :hash, :roles, :county, :school, :staff, :guardian,
                          :institution, true, :demo, :at)""")
                .param("id", id)
                .param("name", account.displayName())
                .param("mobile", account.mobile())
                .param("staffNo", account.staffNo())
                .param("hash", passwords.encode(account.rawPassword()))
                .param(
                        "roles",
                        account.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                .param("county", account.countyId())
                .param("school", account.schoolId())
                .param("staff", account.staffId())
                .param("guardian", account.guardianId())
                .param("institution", account.institutionId())
                .param("demo", account.demo())
                .param("at", LocalDateTime.now(clock))
                .update();
        audit.record(new AuditTrail.AuditEntry(
                "account.opened",
                "user_account",
                id,
                account.countyId(),
                account.schoolId(),
                null,
                Map.of(
                        "displayName",
                        account.displayName(),
                        "mobile",
                        account.mobile() == null ? "" : Masking.mobile(account.mobile()),
                        "staffNo",
                        account.staffNo() == null ? "" : account.staffNo(),
                        "roles",
                        account.roles().toString())));
        return id;
    }

    /** The account a sign-in name (mobile or staff number) refers to, with its password hash. */
    public Optional<LoginAccount> findForLogin(String login) {
        String key = normalise(login);
        return jdbc.sql("""
                        select id, password_hash, enabled from platform.user_account
                        where mobile = :key or staff_no = :key""")
                .param("key", key)
                .query((rs, n) -> new LoginAccount(
                        rs.getObject("id", UUID.class), rs.getString("password_hash"), rs.getBoolean("enabled")))
                .optional();
    }

    private Optional<UUID> findIdByLogin(String login) {
        return findForLogin(login).map(LoginAccount::id);
    }

    /** The scope of an account, resolved from its links. */
    public Optional<UserScope> scopeOf(UUID accountId) {
        return jdbc.sql("""
                        select id, display_name, roles, county_id, school_id, staff_id, guardian_id, institution_id
                        from platform.user_account where id = :id and enabled""")
                .param("id", accountId)
                .query((rs, n) -> new UserScope(
                        rs.getObject("id", UUID.class),
                        rs.getString("display_name"),
                        roles(rs.getString("roles")),
                        rs.getObject("county_id", UUID.class),
                        rs.getObject("school_id", UUID.class),
                        rs.getObject("staff_id", UUID.class),
                        rs.getObject("guardian_id", UUID.class),
                        rs.getObject("institution_id", UUID.class)))
                .optional();
    }

    static Set<Role> roles(String csv) {
        return Arrays.stream(csv.split(","))
                .filter(s -> !s.isBlank())
                .map(Role::valueOf)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Sign-in names compare without spaces and a +86 prefix. */
    public static String normalise(String login) {
        String v = login.strip().replace(" ", "");
        if (v.startsWith("+86")) {
            v = v.substring(3);
        }
        return v.length() > 64 ? v.substring(0, 64) : v;
    }

    /**
     * An account to open.
     *
     * @param rawPassword the initial password; stored only as a bcrypt hash
     */
    public record NewAccount(
            String displayName,
            @Nullable String mobile,
            @Nullable String staffNo,
            String rawPassword,
            Set<Role> roles,
            @Nullable UUID countyId,
            @Nullable UUID schoolId,
            @Nullable UUID staffId,
            @Nullable UUID guardianId,
            @Nullable UUID institutionId,
            boolean demo) {}

    /** What sign-in needs of an account. */
    public record LoginAccount(UUID id, String passwordHash, boolean enabled) {}
}
