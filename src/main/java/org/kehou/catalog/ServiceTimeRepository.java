package org.kehou.catalog;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface ServiceTimeRepository extends ListCrudRepository<ServiceTime, UUID> {
    List<ServiceTime> findBySchoolIdAndTermId(UUID schoolId, UUID termId);
}
