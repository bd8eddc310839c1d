/**
 * Annotations that make beans workflows and bean methods activities.
 */
@NullMarked
package dev.daprspring.workflows.annotation;

import org.jspecify.annotations.NullMarked;
