/**
 * The sidecar's own description: components with capabilities, subscriptions, app connection.
 */
@NullMarked
package dev.daprspring.core.metadata;

import org.jspecify.annotations.NullMarked;
