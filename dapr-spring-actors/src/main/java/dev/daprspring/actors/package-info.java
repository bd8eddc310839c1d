/**
 * Virtual actors as Spring beans: {@code annotation} ({@code @DaprActor}), {@code runtime}
 * (activations, method dispatch, the sidecar-facing endpoints), {@code state} (the
 * per-activation state manager) and {@code client} (typed proxies).
 */
@NullMarked
package dev.daprspring.actors;

import org.jspecify.annotations.NullMarked;
