package dev.daprspring.boot.autoconfigure.workflows.app;

import java.time.Duration;

public record Approval(String item, Duration delay, Duration timeout) {
}
