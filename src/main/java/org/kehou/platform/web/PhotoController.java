package org.kehou.platform.web;

import java.util.UUID;
import org.kehou.platform.Photos;
import org.kehou.platform.Photos.Photo;
import org.kehou.platform.UserScope;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Serves an uploaded photo to a user in its scope, never as anything but the image type it was detected as. */
@Controller
class PhotoController {

    private final Photos photos;

    PhotoController(Photos photos) {
        this.photos = photos;
    }

    @GetMapping("/photos/{photoId}")
    ResponseEntity<byte[]> photo(UserScope me, @PathVariable UUID photoId) {
        Photo photo = photos.open(me, photoId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("photo-" + photo.id() + "." + photo.extension())
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(photo.bytes());
    }
}
