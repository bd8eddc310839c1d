package dev.daprspring.data.repository;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

@DaprStateRepository(keyspace = "order")
public interface OrderRepository extends ListCrudRepository<Order, String>, ListPagingAndSortingRepository<Order, String> {

	List<Order> findByStatus(String status);

	List<Order> findByCustomerIdAndStatusOrderByCreatedAtDesc(String customerId, String status);

	long countByStatus(String status);

	boolean existsByStatus(String status);

	List<Order> findByTotalBetween(int from, int to);

	List<Order> findByStatusIn(Collection<String> statuses);

	List<Order> findByTotalGreaterThan(int total);

	List<Order> findByCustomerIdStartingWith(String prefix);

	List<Order> findByStatusIgnoreCase(String status);

	List<Order> findTop3ByOrderByTotalDesc();

	Order findFirstByStatusOrderByTotalAsc(String status);

	Page<Order> findByStatus(String status, Pageable pageable);

	Slice<Order> findByCustomerId(String customerId, Pageable pageable);

	Stream<Order> streamByStatusOrderByTotalAsc(String status);

	long deleteByStatus(String status);

	List<Order> deleteByCustomerIdAndTotalGreaterThan(String customerId, int total);

}
