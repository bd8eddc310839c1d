package dev.daprspring.benchmarks.soak;

/**
 * The payload of one soak event: its position in the stream.
 *
 * @param sequence 0 for the first event sent
 */
record SoakEvent(long sequence) {

}
