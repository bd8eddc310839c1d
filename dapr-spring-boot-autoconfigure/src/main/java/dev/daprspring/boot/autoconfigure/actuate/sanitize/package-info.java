/**
 * Masking of Dapr secrets and tokens in the actuator's {@code env} and
 * {@code configprops} endpoints, whatever their {@code show-values} setting.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.actuate.sanitize;

import org.jspecify.annotations.NullMarked;
