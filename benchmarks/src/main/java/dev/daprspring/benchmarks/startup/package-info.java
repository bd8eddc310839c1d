/**
 * The startup benchmark: time to {@code ApplicationReadyEvent}, heap and resident set of a
 * minimal servlet application without and with {@code dapr-spring-boot-starter}, and with
 * a launched daprd, each run in a JVM of its own.
 */
@NullMarked
package dev.daprspring.benchmarks.startup;

import org.jspecify.annotations.NullMarked;
