/**
 * The secrets API: reading secrets from the secret stores the sidecar has loaded.
 */
@NullMarked
package dev.daprspring.core.secret;

import org.jspecify.annotations.NullMarked;
