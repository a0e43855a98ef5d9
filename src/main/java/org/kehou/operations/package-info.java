/**
 * Daily operations of the after-school service (OPS-1..4, CONTENT-5): the roll call of each session (an offering on one
 * date) with the leave guardians report beforehand, and the homework completion of slot-1 sessions, both kept as an
 * append-only, hash-chained record per school; the hand-over of each child at the end of a service to a
 * guardian, a person the guardians authorised, or alone with their standing consent, refused and recorded for anyone
 * else or anyone the school flagged; the check that raises an alert for children not yet picked up; the daily
 * patrol records of school staff with their coverage of the day's offerings; and incidents, told to the guardians
 * of the children involved.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "日常运行 Operations",
        allowedDependencies = {"platform", "organization", "catalog", "enrollment"})
@org.jspecify.annotations.NullMarked
package org.kehou.operations;
