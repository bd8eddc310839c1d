package dev.daprspring.boot.test.testcontainers;

import java.util.ArrayList;
import java.util.List;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testcontainers.DockerClientFactory;

/**
 * The condition behind {@link RequiresDockerImages}: asks the engine once per test class
 * whether it answers and has each image.
 */
final class DockerImagesCondition implements ExecutionCondition {

	static final String REQUIRED_PROPERTY = "dapr.testcontainers.required";

	static final String REQUIRED_VARIABLE = "DAPR_TESTCONTAINERS_REQUIRED";

	private static final String NO_ENGINE = "No Docker engine answers: start one (scripts/docker-engine start), "
			+ "then build the images with scripts/docker-images";

	private static final String HOW_TO = "build them with scripts/docker-images";

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String[] images = AnnotationSupport.findAnnotation(context.getElement(), RequiresDockerImages.class)
			.map(RequiresDockerImages::value)
			.orElse(null);
		if (images == null) {
			return ConditionEvaluationResult.enabled("no @RequiresDockerImages here");
		}
		String missing = missing(images);
		if (missing == null) {
			return ConditionEvaluationResult.enabled("Docker engine and images " + String.join(", ", images));
		}
		if (required()) {
			throw new ExtensionConfigurationException(missing + " (the container tests are required here: "
					+ REQUIRED_PROPERTY + "=true or " + REQUIRED_VARIABLE + "=true)");
		}
		return ConditionEvaluationResult.disabled(missing);
	}

	/** What is missing and how to get it, or {@code null} when the engine has every image. */
	static @Nullable String missing(String[] images) {
		if (!DockerClientFactory.instance().isDockerAvailable()) {
			return NO_ENGINE;
		}
		DockerClient client = DockerClientFactory.lazyClient();
		List<String> absent = new ArrayList<>();
		for (String image : images) {
			try {
				client.inspectImageCmd(image).exec();
			}
			catch (NotFoundException ex) {
				absent.add(image);
			}
		}
		return absent.isEmpty() ? null
				: "The Docker engine has no image " + String.join(", ", absent) + ": " + HOW_TO;
	}

	private static boolean required() {
		return Boolean.getBoolean(REQUIRED_PROPERTY) || Boolean.parseBoolean(System.getenv(REQUIRED_VARIABLE));
	}

}
