package dev.daprspring.benchmarks.mixed;

/**
 * The value written, published and sent in an invocation.
 *
 * @param id its key
 * @param name a short text
 * @param quantity a number
 */
public record Item(String id, String name, int quantity) {

}
