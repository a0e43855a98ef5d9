package org.kehou.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Photo uploads: images only by their bytes, capped, stored under random names outside the web root, in scope. */
@KehouTest
public class PhotosTests {

    @Autowired
    Photos photos;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aPngOrJpegIsStoredUnderARandomNameOutsideTheWebRootAndServedToItsSchoolOnly() throws Exception {
        UserScope admin = demo.scope("JX-PS-ADMIN");
        for (String format : new String[] {"png", "jpg"}) {
            byte[] image = image(format);
            UUID id = photos.store(admin, admin.countyId(), admin.schoolId(), image);
            String stored = jdbc.sql("select stored_name from platform.photo where id = :id")
                    .param("id", id)
                    .query(String.class)
                    .single();
            assertThat(stored).matches("[0-9a-f]{32}\\.(png|jpg)");
            Path file = Path.of("target/test-uploads").resolve(stored);
            assertThat(file).exists().hasBinaryContent(image);

            mvc.perform(get("/photos/{id}", id).with(SignIn.as(admin)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", format.equals("png") ? "image/png" : "image/jpeg"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string(
                                    "Content-Disposition", "inline; filename=\"photo-" + id + "." + format + "\""));
            mvc.perform(get("/photos/{id}", id).with(SignIn.as(demo.scope("JX-PS-T01"))))
                    .andExpect(status().isOk());
            mvc.perform(get("/photos/{id}", id).with(SignIn.as(demo.scope("LL-PS-ADMIN"))))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/photos/{id}", id).with(SignIn.as(demo.scope("19900000001"))))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/uploads/" + stored).with(SignIn.as(admin))).andExpect(status().isNotFound());
            mvc.perform(get("/" + stored).with(SignIn.as(admin))).andExpect(status().isNotFound());
        }
    }

    @Test
    void aTextFileRenamedJpgAnEmptyFileAndAnOversizedPhotoAreRefusedAndNothingIsStored() throws Exception {
        UserScope admin = demo.scope("JX-PS-ADMIN");
        long before = count();
        byte[] script = "<script>alert(1)</script> pretending to be photo.jpg".getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> photos.store(admin, admin.countyId(), admin.schoolId(), script), "photo.notAnImage");
        byte[] gif = "GIF89a..........".getBytes(StandardCharsets.US_ASCII);
        assertRefused(() -> photos.store(admin, admin.countyId(), admin.schoolId(), gif), "photo.notAnImage");
        assertRefused(() -> photos.store(admin, admin.countyId(), admin.schoolId(), new byte[0]), "photo.empty");
        Photos small = new Photos(jdbc, java.time.Clock.systemUTC(), Path.of("target/test-uploads"), 20);
        assertRefused(() -> small.store(admin, admin.countyId(), admin.schoolId(), image("png")), "photo.tooLarge");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theFileOfAPhotoWhoseTransactionRollsBackIsRemoved() throws Exception {
        UserScope admin = demo.scope("JX-PS-ADMIN");
        long files;
        try (var list = Files.list(Path.of("target/test-uploads"))) {
            files = list.count();
        } catch (java.nio.file.NoSuchFileException e) {
            files = 0;
        }
        byte[] image = image("png");
        try {
            tx.executeWithoutResult(status -> {
                photos.store(admin, admin.countyId(), admin.schoolId(), image);
                throw new IllegalStateException("the record it belongs to fails");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        try (var list = Files.list(Path.of("target/test-uploads"))) {
            assertThat(list.count()).isEqualTo(files);
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    private long count() {
        return jdbc.sql("select count(*) from platform.photo").query(Long.class).single();
    }

    public static byte[] image(String format) throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format.equals("jpg") ? "jpeg" : format, out);
        return out.toByteArray();
    }
}
