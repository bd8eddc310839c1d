/**
 * Child processes of this JVM shared by the daprd launcher and the control-plane services:
 * output appended to a log file whose last lines explain a failed start, one shutdown hook
 * per running process, SIGTERM then SIGKILL.
 */
@NullMarked
package dev.daprspring.boot.sidecar.process;

import org.jspecify.annotations.NullMarked;
