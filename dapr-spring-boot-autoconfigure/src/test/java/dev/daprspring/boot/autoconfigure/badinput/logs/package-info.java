/**
 * Tokens and secret values stay out of the log and the actuator; its own package, so the
 * application here scans no other test's beans.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.badinput.logs;

import org.jspecify.annotations.NullMarked;
