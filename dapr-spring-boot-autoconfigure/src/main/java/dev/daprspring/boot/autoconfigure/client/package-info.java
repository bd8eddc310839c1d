/**
 * Connection to the Dapr sidecar: endpoints, API token and their configuration.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.client;

import org.jspecify.annotations.NullMarked;
