/**
 * The {@code @Topic} annotation and the post-processor that registers annotated methods.
 */
@NullMarked
package dev.daprspring.messaging.annotation;

import org.jspecify.annotations.NullMarked;
