/**
 * Observations of the actor turns this application runs.
 */
@NullMarked
package dev.daprspring.actors.observation;

import org.jspecify.annotations.NullMarked;
