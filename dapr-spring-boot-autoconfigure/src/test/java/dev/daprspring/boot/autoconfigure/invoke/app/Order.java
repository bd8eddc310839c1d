package dev.daprspring.boot.autoconfigure.invoke.app;

/** What the target app serves; its JSON names follow the apps' naming strategy. */
public record Order(long id, String itemName, int quantity) {

}
