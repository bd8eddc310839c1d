package dev.daprspring.boot.test.testcontainers;

import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * {@link RequiresDockerImages} against this machine's engine: an image it lacks skips the
 * tests with a message naming it and how to build it, or fails them where the container
 * tests are required. (The class itself needs the engine and the default image.)
 */
@RequiresDockerImages
class DockerImagesConditionIntegrationTests {

	private final DockerImagesCondition condition = new DockerImagesCondition();

	@AfterEach
	void clearProperty() {
		System.clearProperty(DockerImagesCondition.REQUIRED_PROPERTY);
	}

	@Test
	void aMissingImageSkipsWithAMessageSayingHowToBuildIt() {
		ConditionEvaluationResult result = this.condition.evaluateExecutionCondition(context(NeedsAbsentImage.class));
		assertThat(result.isDisabled()).isTrue();
		assertThat(result.getReason()).hasValueSatisfying((reason) -> assertThat(reason)
			.contains("dapr-spring-boot/no-such-image:0")
			.contains("scripts/docker-images"));
	}

	@Test
	void aMissingImageFailsWhereTheContainerTestsAreRequired() {
		System.setProperty(DockerImagesCondition.REQUIRED_PROPERTY, "true");
		assertThatExceptionOfType(ExtensionConfigurationException.class)
			.isThrownBy(() -> this.condition.evaluateExecutionCondition(context(NeedsAbsentImage.class)))
			.withMessageContaining("dapr-spring-boot/no-such-image:0")
			.withMessageContaining("the container tests are required here: dapr.testcontainers.required=true")
			.withMessageContaining("scripts/docker-images");
	}

	@Test
	void imagesThatArePresentEnableTheTests() {
		// The images scripts/docker-images builds, which every container test here needs.
		ConditionEvaluationResult result = this.condition.evaluateExecutionCondition(context(NeedsDaprd.class));
		assertThat(result.isDisabled()).as(result.getReason().orElse("")).isFalse();
	}

	@Test
	void aClassWithoutTheAnnotationIsLeftAlone() {
		assertThat(this.condition.evaluateExecutionCondition(context(Object.class)).isDisabled()).isFalse();
	}

	private static ExtensionContext context(Class<?> testClass) {
		ExtensionContext context = mock(ExtensionContext.class);
		given(context.getElement()).willReturn(Optional.of(testClass));
		return context;
	}

	@RequiresDockerImages({ DaprImages.DAPRD, "dapr-spring-boot/no-such-image:0" })
	static class NeedsAbsentImage {

	}

	@RequiresDockerImages
	static class NeedsDaprd {

	}

}
