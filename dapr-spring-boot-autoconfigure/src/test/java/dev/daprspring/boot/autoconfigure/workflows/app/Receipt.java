package dev.daprspring.boot.autoconfigure.workflows.app;

public record Receipt(String orderId, String reservation, String payment, String shipment) {
}
