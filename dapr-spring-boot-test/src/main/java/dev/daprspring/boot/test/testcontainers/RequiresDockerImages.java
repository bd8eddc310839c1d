package dev.daprspring.boot.test.testcontainers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class only where a Docker engine answers and every named image is present
 * locally. Otherwise the tests are skipped within seconds, with a message naming what is
 * missing and how to get it: unlike a plain {@code @Testcontainers(disabledWithoutDocker = true)},
 * a missing image is not pulled (and waited for) first.
 * <p>
 * Where skipping would hide a broken path (a CI that is meant to run the container tests),
 * set the system property {@value DockerImagesCondition#REQUIRED_PROPERTY} or the environment
 * variable {@value DockerImagesCondition#REQUIRED_VARIABLE} to {@code true}: the tests then
 * fail instead of being skipped.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DockerImagesCondition.class)
public @interface RequiresDockerImages {

	/** The images the tests start, for example {@link DaprImages#DAPRD}. */
	String[] value() default { DaprImages.DAPRD };

}
