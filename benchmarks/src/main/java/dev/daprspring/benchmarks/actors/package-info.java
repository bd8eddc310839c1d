/**
 * The actors benchmark: actor method calls through {@code ActorProxyFactory} proxies
 * against the raw generated {@code InvokeActor} stub, on an application that hosts the
 * actor type on a launched daprd with placement and scheduler.
 */
@NullMarked
package dev.daprspring.benchmarks.actors;

import org.jspecify.annotations.NullMarked;
