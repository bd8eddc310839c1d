/**
 * What the handler registrations of several building blocks share.
 */
@NullMarked
package dev.daprspring.messaging.support;

import org.jspecify.annotations.NullMarked;
