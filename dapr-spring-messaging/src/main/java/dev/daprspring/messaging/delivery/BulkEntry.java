package dev.daprspring.messaging.delivery;

/**
 * One entry of a batch the sidecar delivers.
 *
 * @param entryId the id the sidecar expects a status for
 * @param event the entry's event
 */
public record BulkEntry(String entryId, IncomingEvent event) {
}
