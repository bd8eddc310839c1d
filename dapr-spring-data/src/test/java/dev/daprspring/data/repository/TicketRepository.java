package dev.daprspring.data.repository;

import org.springframework.data.repository.CrudRepository;

@DaprStateRepository
public interface TicketRepository extends CrudRepository<Ticket, String> {

}
