package dev.daprspring.data.repository;

import org.springframework.data.repository.ListCrudRepository;

@DaprStateRepository
public interface LabelRepository extends ListCrudRepository<Label, String> {

}
