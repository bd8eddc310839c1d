/**
 * A sample cart service: one {@code Cart} actor per customer holds that customer's cart in
 * actor state, and a reminder empties a cart nobody touched for {@code carts.abandon-after}.
 */
@NullMarked
package dev.daprspring.samples.carts;

import org.jspecify.annotations.NullMarked;
