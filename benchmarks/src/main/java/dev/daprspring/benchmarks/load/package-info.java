/**
 * Runs a unit of work on a fixed pool of threads for a slice of time, interleaves the
 * clients under test over several rounds, and prints what was measured.
 */
@NullMarked
package dev.daprspring.benchmarks.load;

import org.jspecify.annotations.NullMarked;
