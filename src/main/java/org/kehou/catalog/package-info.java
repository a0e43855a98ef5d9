/**
 * The after-school course system (COURSE-1..3, CONTENT-1..7, ENROL-5, SCOPE-1..3): venues, courses, daily slot
 * plans, the times of each service on school days, openings on days without school, offerings of a term and their
 * fee notices, with the policy rules that refuse what the city's guidance forbids.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "课程 Catalog",
        allowedDependencies = {"platform", "organization"})
@org.jspecify.annotations.NullMarked
package org.kehou.catalog;
