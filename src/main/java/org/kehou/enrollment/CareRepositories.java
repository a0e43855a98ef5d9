package org.kehou.enrollment;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface EarlyArrivalRequestRepository extends ListCrudRepository<EarlyArrivalRequest, UUID> {}

interface ExtendedCareRequestRepository extends ListCrudRepository<ExtendedCareRequest, UUID> {}

interface CareGroupRepository extends ListCrudRepository<CareGroup, UUID> {}
