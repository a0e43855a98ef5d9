package org.kehou.platform;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the signed-in user may see, resolved once per request from their account: the city, one county, one
 * school, the classes they teach, their own children or their own institution. Every query of tenant data
 * applies it; an id outside it is answered with 404.
 *
 * @param accountId the signed-in account
 * @param displayName the name shown in the shell
 * @param roles the roles held
 * @param countyId the county of a county, school, teacher or institution account
 * @param schoolId the school of a school admin or teacher
 * @param staffId the staff record of a teacher or school admin
 * @param guardianId the guardian record of a parent
 * @param institutionId the institution of an institution admin
 */
public record UserScope(
        UUID accountId,
        String displayName,
        Set<Role> roles,
        @Nullable UUID countyId,
        @Nullable UUID schoolId,
        @Nullable UUID staffId,
        @Nullable UUID guardianId,
        @Nullable UUID institutionId) {

    public UserScope {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** City-wide reach: city admins and city inspectors (an inspector without a county). */
    public boolean isCityWide() {
        return has(Role.CITY_ADMIN) || (has(Role.INSPECTOR) && countyId == null);
    }

    /** Whether data of this county may be read. */
    public boolean canReadCounty(UUID county) {
        return isCityWide() || ((has(Role.COUNTY_ADMIN) || has(Role.INSPECTOR)) && county.equals(countyId));
    }

    /** Whether data of this school (in this county) may be read as a whole. */
    public boolean canReadSchool(UUID county, UUID school) {
        return canReadCounty(county) || (has(Role.SCHOOL_ADMIN) && school.equals(schoolId));
    }

    /** Whether this school's base data (classes, students, staff, calendar) may be changed. */
    public boolean canManageSchool(UUID school) {
        return has(Role.SCHOOL_ADMIN) && school.equals(schoolId);
    }

    /** Whether the schools of this county may be created or changed. */
    public boolean canManageCounty(UUID county) {
        return has(Role.COUNTY_ADMIN) && county.equals(countyId);
    }
}
