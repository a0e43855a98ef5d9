package org.kehou.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface SchoolRepository extends ListCrudRepository<School, UUID> {}

interface SchoolClassRepository extends ListCrudRepository<SchoolClass, UUID> {
    List<SchoolClass> findBySchoolId(UUID schoolId);
}

interface StudentRepository extends ListCrudRepository<Student, UUID> {
    Optional<Student> findByIdNumberHash(String idNumberHash);

    List<Student> findByIdNumberHashIn(Collection<String> idNumberHashes);
}

interface GuardianRepository extends ListCrudRepository<Guardian, UUID> {
    Optional<Guardian> findByMobile(String mobile);

    List<Guardian> findByMobileIn(Collection<String> mobiles);
}

interface StaffRepository extends ListCrudRepository<Staff, UUID> {
    Optional<Staff> findByStaffNo(String staffNo);
}

interface TermRepository extends ListCrudRepository<Term, UUID> {
    List<Term> findBySchoolId(UUID schoolId);
}
