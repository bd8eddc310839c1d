/**
 * The workflows benchmark: workflows completed per second (a chain of three activities, a
 * fan-out of ten and fan-in) and the latency of one chain, through this project's
 * {@code WorkflowWorker} and {@code DaprWorkflowTemplate} and through the official SDK's
 * {@code WorkflowRuntime} and {@code DaprWorkflowClient}, one after the other on the same
 * daprd.
 */
@NullMarked
package dev.daprspring.benchmarks.workflows;

import org.jspecify.annotations.NullMarked;
