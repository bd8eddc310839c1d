/**
 * The app side of the actor runtime: the registered actor types, their activations (one
 * instance per active actor id), method dispatch as turns, and the endpoints the sidecar
 * calls ({@code GET /dapr/config}, {@code PUT /actors/{type}/{id}/method/{method}},
 * {@code DELETE /actors/{type}/{id}}).
 */
@NullMarked
package dev.daprspring.actors.runtime;

import org.jspecify.annotations.NullMarked;
