/**
 * The application of the startup benchmark, in a package of its own so that its component
 * scan finds only its controller.
 */
@NullMarked
package dev.daprspring.benchmarks.startup.app;

import org.jspecify.annotations.NullMarked;
