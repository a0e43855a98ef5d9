package org.kehou.organization;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface SchoolRepository extends ListCrudRepository<School, UUID> {}

interface SchoolClassRepository extends ListCrudRepository<SchoolClass, UUID> {}

interface StudentRepository extends ListCrudRepository<Student, UUID> {
    Optional<Student> findByIdNumberHash(String idNumberHash);
}

interface GuardianRepository extends ListCrudRepository<Guardian, UUID> {
    Optional<Guardian> findByMobile(String mobile);
}

interface StaffRepository extends ListCrudRepository<Staff, UUID> {
    Optional<Staff> findByStaffNo(String staffNo);
}

interface TermRepository extends ListCrudRepository<Term, UUID> {}
