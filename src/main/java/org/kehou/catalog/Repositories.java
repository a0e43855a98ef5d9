package org.kehou.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface VenueRepository extends ListCrudRepository<Venue, UUID> {}

interface CourseRepository extends ListCrudRepository<Course, UUID> {
    List<Course> findBySchoolId(UUID schoolId);
}

interface SlotPlanRepository extends ListCrudRepository<SlotPlan, UUID> {
    List<SlotPlan> findByTermId(UUID termId);
}

interface OfferingRepository extends ListCrudRepository<Offering, UUID> {
    List<Offering> findByTermId(UUID termId);
}

interface FeeNoticeRepository extends ListCrudRepository<FeeNotice, UUID> {
    Optional<FeeNotice> findByOfferingId(UUID offeringId);
}

interface ExerciseMinimumRepository extends ListCrudRepository<ExerciseMinimum, UUID> {
    @Query("select * from catalog.exercise_minimum where county_id is null")
    Optional<ExerciseMinimum> findCityDefault();

    Optional<ExerciseMinimum> findByCountyId(UUID countyId);
}

interface NoticePeriodRepository extends ListCrudRepository<NoticePeriod, UUID> {
    Optional<NoticePeriod> findByCountyId(UUID countyId);
}

interface OpeningRepository extends ListCrudRepository<Opening, UUID> {
    List<Opening> findBySchoolIdAndOnDate(UUID schoolId, java.time.LocalDate onDate);
}
