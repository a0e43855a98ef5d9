package org.kehou.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Photos people upload (an authorised pickup person, what a patrol saw, an incident). Only JPEG, PNG and WebP images
 * are taken, recognised by their first bytes whatever the file is called, up to {@code kehou.uploads.max-bytes}. They
 * are stored outside the web root ({@code kehou.uploads.dir}) under random names and served only to users who may
 * read the school they belong to, or to the person who uploaded them.
 */
@Service
public class Photos {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path directory;
    private final long maxBytes;

    Photos(
            JdbcClient jdbc,
            Clock clock,
            @Value("${kehou.uploads.dir:./data/uploads}") Path directory,
            @Value("${kehou.uploads.max-bytes:5242880}") long maxBytes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    /**
     * Stores a photo of a school in the caller's transaction; the file is removed again if the transaction rolls
     * back. Refused with {@code photo.empty}, {@code photo.tooLarge} or {@code photo.notAnImage}.
     */
    @Transactional
    public UUID store(UserScope uploader, UUID countyId, UUID schoolId, byte[] bytes) {
        if (bytes.length == 0) {
            throw new RuleViolation("photo.empty");
        }
        if (bytes.length > maxBytes) {
            throw new RuleViolation("photo.tooLarge", maxBytes / (1024 * 1024));
        }
        ImageType type = ImageType.of(bytes).orElseThrow(() -> new RuleViolation("photo.notAnImage"));
        byte[] name = new byte[16];
        RANDOM.nextBytes(name);
        String storedName = HexFormat.of().formatHex(name) + "." + type.extension;
        Path file = directory.resolve(storedName);
        try {
            Files.createDirectories(directory);
            Files.write(file, bytes, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        try {
                            Files.deleteIfExists(file);
                        } catch (IOException ignored) {
                            // an orphan file without a row is never served
                        }
                    }
                }
            });
        }
        UUID id = Ids.next();
        jdbc.sql("""
                        insert into platform.photo (id, county_id, school_id, stored_name, content_type, size_bytes, sha256,
                          uploaded_by, uploaded_at)
                        values (:id, :county, :school, :name, :type, :size, :sha, :by, :at)""")
                .param("id", id)
                .param("county", countyId)
                .param("school", schoolId)
                .param("name", storedName)
                .param("type", type.contentType)
                .param("size", (long) bytes.length)
                .param("sha", sha256(bytes))
                .param("by", uploader.accountId())
                .param("at", LocalDateTime.now(clock))
                .update();
        return id;
    }

    /** A photo for a reader of its school or its uploader; anyone else is answered as if it did not exist. */
    @Transactional(readOnly = true)
    public Photo open(UserScope scope, UUID photoId) {
        Stored stored = jdbc.sql("""
                        select county_id, school_id, stored_name, content_type, uploaded_by
                        from platform.photo where id = :id""")
                .param("id", photoId)
                .query(RecordRows.of(Stored.class))
                .optional()
                .filter(s -> scope.canReadSchool(s.countyId(), s.schoolId())
                        || s.schoolId().equals(scope.schoolId())
                        || s.uploadedBy().equals(scope.accountId()))
                .orElseThrow(() -> new NotFoundException("photo"));
        try {
            return new Photo(photoId, stored.contentType(), Files.readAllBytes(directory.resolve(stored.storedName())));
        } catch (IOException e) {
            throw new NotFoundException("photo");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A photo's bytes and their type, as detected when it was stored. */
    public record Photo(UUID id, String contentType, byte[] bytes) {

        public String extension() {
            return contentType.substring(contentType.indexOf('/') + 1).replace("jpeg", "jpg");
        }
    }

    private record Stored(UUID countyId, UUID schoolId, String storedName, String contentType, UUID uploadedBy) {}

    /** The image types taken, by their signature bytes. */
    enum ImageType {
        JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 0),
        PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0),
        WEBP("image/webp", "webp", new byte[] {'W', 'E', 'B', 'P'}, 8);

        final String contentType;
        final String extension;
        private final byte[] signature;
        private final int offset;

        ImageType(String contentType, String extension, byte[] signature, int offset) {
            this.contentType = contentType;
            this.extension = extension;
            this.signature = signature;
            this.offset = offset;
        }

        static Optional<ImageType> of(byte @Nullable [] bytes) {
            if (bytes == null) {
                return Optional.empty();
            }
            for (ImageType type : values()) {
                if (type.matches(bytes)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }

        private boolean matches(byte[] bytes) {
            if (bytes.length < offset + signature.length + 4) {
                return false;
            }
            if (this == WEBP && !Arrays.equals(Arrays.copyOfRange(bytes, 0, 4), new byte[] {'R', 'I', 'F', 'F'})) {
                return false;
            }
            return Arrays.equals(Arrays.copyOfRange(bytes, offset, offset + signature.length), signature);
        }
    }
}
