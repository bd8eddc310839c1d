package dev.daprspring.benchmarks.pubsub;

/**
 * The published message: a small record, about 40 bytes of JSON.
 *
 * @param id its id
 * @param quantity how many
 */
public record Order(String id, int quantity) {
}
