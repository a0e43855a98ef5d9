package org.kehou.catalog.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.VenueKind;
import org.kehou.platform.PlainText;

/**
 * The forms of the venue pages; each keeps what the user typed when it is shown again with errors.
 */
public final class CatalogForms {

    /** The most students a venue of a school may hold, a whole sports ground included. */
    static final int MAX_VENUE_CAPACITY = 5000;

    private CatalogForms() {}

    /** A room or ground to add to the school (CONTENT-6), with how many students it holds (COURSE-3). */
    public static class VenueForm {
        @NotBlank(message = "{validation.required}")
        @Size(max = 50, message = "{validation.tooLong}")
        @PlainText
        String name = "";

        @NotNull(message = "{validation.required}")
        @Nullable
        VenueKind kind;

        @NotNull(message = "{validation.required}")
        @Min(value = 1, message = "{venue.capacityTooSmall}")
        @Max(value = MAX_VENUE_CAPACITY, message = "{venue.capacityTooLarge}")
        @Nullable
        Integer capacity;

        NewVenue toCommand() {
            return new NewVenue(name.strip(), kind, capacity);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public @Nullable VenueKind getKind() {
            return kind;
        }

        public void setKind(@Nullable VenueKind kind) {
            this.kind = kind;
        }

        public @Nullable Integer getCapacity() {
            return capacity;
        }

        public void setCapacity(@Nullable Integer capacity) {
            this.capacity = capacity;
        }
    }
}
