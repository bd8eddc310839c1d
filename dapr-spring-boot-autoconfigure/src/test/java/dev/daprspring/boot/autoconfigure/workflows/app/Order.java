package dev.daprspring.boot.autoconfigure.workflows.app;

import java.util.List;

public record Order(String id, List<String> items, int amount) {
}
