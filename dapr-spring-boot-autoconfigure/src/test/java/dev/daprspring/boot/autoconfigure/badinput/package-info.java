/**
 * The bad-input catalogue: every case asserts an error that names what was wrong and what
 * would be right, and that a value stored before the bad call is still there.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.badinput;

import org.jspecify.annotations.NullMarked;
