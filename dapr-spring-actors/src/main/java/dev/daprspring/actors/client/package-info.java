/**
 * Calling actors: typed proxies over the sidecar's {@code InvokeActor}.
 */
@NullMarked
package dev.daprspring.actors.client;

import org.jspecify.annotations.NullMarked;
