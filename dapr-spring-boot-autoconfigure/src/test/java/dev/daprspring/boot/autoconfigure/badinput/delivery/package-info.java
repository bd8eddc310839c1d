/**
 * Bad deliveries to a {@code @Topic} handler; its own package, so that the application
 * here scans none of the failing applications of the catalogue.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.badinput.delivery;

import org.jspecify.annotations.NullMarked;
