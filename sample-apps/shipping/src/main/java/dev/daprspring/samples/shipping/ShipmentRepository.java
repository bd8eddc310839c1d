package dev.daprspring.samples.shipping;

import dev.daprspring.data.repository.DaprStateRepository;
import org.springframework.data.repository.CrudRepository;

/**
 * Shipments in state store {@code statestore} (Redis), by order id.
 */
@DaprStateRepository
public interface ShipmentRepository extends CrudRepository<Shipment, String> {

}
