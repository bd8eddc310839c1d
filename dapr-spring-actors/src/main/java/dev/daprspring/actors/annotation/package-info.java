/**
 * The annotation that makes a class a Dapr actor type.
 */
@NullMarked
package dev.daprspring.actors.annotation;

import org.jspecify.annotations.NullMarked;
