/**
 * Registration (ENROL-1..4, CONTENT-1, CONTENT-2): registration windows per school or county, seats claimed
 * atomically in the database, waiting lists promoted automatically when a seat frees, withdrawals, and the full
 * history of every registration. Only a guardian registers, for their own child, with consent.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "报名 Enrollment",
        allowedDependencies = {"platform", "organization", "catalog"})
@org.jspecify.annotations.NullMarked
package org.kehou.enrollment;
