package dev.daprspring.boot.autoconfigure.data.app;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;

/** Makes this package the application's package in context-runner tests (not a scanned component). */
@AutoConfigurationPackage
public class BooksPackage {

}
