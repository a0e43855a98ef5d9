package org.kehou.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.ExpiringCache;
import org.kehou.platform.Ids;
import org.kehou.platform.RecordRows;
import org.kehou.platform.UserScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Opaque bearer tokens for API clients: 32 random bytes, of which only the SHA-256 hash is stored, with an expiry,
 * revocable. A presented token's account and scope are kept in memory for {@link #CACHED} so that the requests of
 * a rush do not ask the database who is calling; a token revoked or an account changed on another instance takes
 * effect there within that time, on this instance at once.
 */
@Component
public class ApiTokens {

    static final Duration CACHED = Duration.ofSeconds(30);
    static final String PREFIX = "kh_";

    private final JdbcClient jdbc;
    private final AccountManagement accounts;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final ExpiringCache<String, Holder> holders = new ExpiringCache<>(CACHED, 200_000);

    ApiTokens(
            JdbcClient jdbc,
            AccountManagement accounts,
            Clock clock,
            @Value("${kehou.api.token-lifetime:PT12H}") Duration lifetime) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Opens a token for a signed-in account; the token itself is returned only here. */
    public IssuedToken issue(UUID accountId) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = Ids.next();
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime expiresAt = now.plus(lifetime);
        jdbc.sql("""
                        insert into platform.api_token (id, token_hash, account_id, created_at, expires_at)
                        values (:id, :hash, :account, :now, :expires)""")
                .param("id", id)
                .param("hash", hash(token))
                .param("account", accountId)
                .param("now", now)
                .param("expires", expiresAt)
                .update();
        return new IssuedToken(id, token, expiresAt);
    }

    /** Who a presented token belongs to, while it is neither expired nor revoked and its account is enabled. */
    public Optional<Holder> authenticate(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Holder holder = holders.get(hash(token), this::load);
        return Optional.ofNullable(holder).filter(h -> h.expiresAt().isAfter(now));
    }

    /** Revokes a token; returns whether it was live. */
    public boolean revoke(String token) {
        String hash = hash(token);
        holders.invalidate(hash);
        return jdbc.sql(
                                "update platform.api_token set revoked_at = :now where token_hash = :hash and revoked_at is null")
                        .param("now", LocalDateTime.now(clock))
                        .param("hash", hash)
                        .update()
                > 0;
    }

    private @Nullable Holder load(String hash) {
        record Row(UUID id, UUID accountId, LocalDateTime expiresAt) {}
        Optional<Row> row = jdbc.sql("""
                        select id, account_id, expires_at from platform.api_token
                        where token_hash = :hash and revoked_at is null and expires_at > :now""")
                .param("hash", hash)
                .param("now", LocalDateTime.now(clock))
                .query(RecordRows.of(Row.class))
                .optional();
        if (row.isEmpty()) {
            return null;
        }
        return accounts.scopeOf(row.get().accountId())
                .map(scope -> new Holder(
                        row.get().id(),
                        scope,
                        scope.roles().stream()
                                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority()))
                                .toList(),
                        row.get().expiresAt()))
                .orElse(null);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token just opened: its id, the token to give to the client, and when it expires. */
    public record IssuedToken(UUID id, String token, LocalDateTime expiresAt) {}

    /** The account behind a token, with the scope and authorities its requests run with. */
    public record Holder(UUID tokenId, UserScope scope, List<GrantedAuthority> authorities, LocalDateTime expiresAt) {}
}
