/**
 * Changes of Dapr configuration stores as Spring application events.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.configuration;

import org.jspecify.annotations.NullMarked;
