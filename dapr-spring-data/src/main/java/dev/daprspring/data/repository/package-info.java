/**
 * Repository support: {@link dev.daprspring.data.repository.DaprStateRepository}, {@link dev.daprspring.data.repository.EnableDaprRepositories} and the factory bean that gives each repository the template of its state store.
 */
@NullMarked
package dev.daprspring.data.repository;

import org.jspecify.annotations.NullMarked;
