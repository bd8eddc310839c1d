package dev.daprspring.boot.autoconfigure.workflows.app;

public record Countdown(int remaining, int runs) {
}
