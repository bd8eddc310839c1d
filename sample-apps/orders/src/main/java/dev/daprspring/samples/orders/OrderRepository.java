package dev.daprspring.samples.orders;

import java.util.List;

import dev.daprspring.data.repository.DaprStateRepository;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

/**
 * Orders in the default state store ({@code statestore}).
 */
@DaprStateRepository
public interface OrderRepository extends ListCrudRepository<Order, String>, ListPagingAndSortingRepository<Order, String> {

	/** Every order, oldest first. */
	List<Order> findAllByOrderByPlacedAtAsc();

	/** Orders in the given status, oldest first. */
	List<Order> findByStatusOrderByPlacedAtAsc(OrderStatus status);

}
