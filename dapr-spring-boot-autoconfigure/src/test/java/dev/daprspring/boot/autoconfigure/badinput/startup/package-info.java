/**
 * Applications that must not start, one per sub-package, so that component scanning and
 * repository discovery in one never see another's beans.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.badinput.startup;

import org.jspecify.annotations.NullMarked;
