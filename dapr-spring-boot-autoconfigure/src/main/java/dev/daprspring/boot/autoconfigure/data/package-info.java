/**
 * Auto-configuration for Dapr repositories: {@code @DaprStateRepository} interfaces in the
 * application's packages become repositories without further annotations.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.data;

import org.jspecify.annotations.NullMarked;
