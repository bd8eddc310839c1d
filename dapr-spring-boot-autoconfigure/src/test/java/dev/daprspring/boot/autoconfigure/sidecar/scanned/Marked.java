package dev.daprspring.boot.autoconfigure.sidecar.scanned;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The marker {@code ApplicationClassScanTests} looks for. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Marked {

}
