/**
 * Repository support: {@link dev.daprspring.data.repository.DaprStateRepository}, {@link dev.daprspring.data.repository.EnableDaprRepositories}, the factory bean that gives each repository the template of its state store (checked against the sidecar's capabilities before first use), and the derived queries that also delete, stream and slice.
 */
@NullMarked
package dev.daprspring.data.repository;

import org.jspecify.annotations.NullMarked;
