package org.kehou.operations;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface PickupArrangementRepository extends ListCrudRepository<PickupArrangement, UUID> {

    Optional<PickupArrangement> findByStudentId(UUID studentId);

    List<PickupArrangement> findByStudentIdIn(Collection<UUID> studentIds);
}

interface PickupFlagRepository extends ListCrudRepository<PickupFlag, UUID> {}

interface PatrolRepository extends ListCrudRepository<Patrol, UUID> {}

interface IncidentRepository extends ListCrudRepository<Incident, UUID> {}
