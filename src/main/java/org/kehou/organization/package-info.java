/**
 * Base data (ORG-1..3): the city, its counties, schools with their grades and classes, school years, terms and
 * the school calendar, students, guardians and staff; Excel import and export of rosters.
 */
@org.springframework.modulith.ApplicationModule(displayName = "组织 Organization", allowedDependencies = "platform")
@org.jspecify.annotations.NullMarked
package org.kehou.organization;
