package dev.daprspring.boot.autoconfigure.messaging;

/**
 * A payload of the tests.
 */
record Order(String id, int quantity) {
}
