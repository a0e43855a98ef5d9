package org.kehou.enrollment;

import java.util.List;
import java.util.UUID;
import org.kehou.organization.TermKind;
import org.springframework.data.repository.ListCrudRepository;

interface RegistrationWindowRepository extends ListCrudRepository<RegistrationWindow, UUID> {

    List<RegistrationWindow> findByCountyIdAndSchoolYearAndTermKind(UUID countyId, int schoolYear, TermKind termKind);

    List<RegistrationWindow> findByCountyId(UUID countyId);
}
