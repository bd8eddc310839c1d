/**
 * Actor state: read through a per-activation cache, written as one actor state transaction
 * at the end of each turn.
 */
@NullMarked
package dev.daprspring.actors.state;

import org.jspecify.annotations.NullMarked;
