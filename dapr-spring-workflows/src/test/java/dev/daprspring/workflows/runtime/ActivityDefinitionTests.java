package dev.daprspring.workflows.runtime;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import dev.daprspring.workflows.ActivityContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ActivityDefinitionTests {

	static class Activities {

		String both(ActivityContext context, String input) {
			return input + "@" + context.instanceId();
		}

		String two(String a, String b) {
			return a + b;
		}

		String fails(String input) throws IOException {
			throw new IOException("disk full: " + input);
		}

	}

	private final Activities bean = new Activities();

	@Test
	void theInputAndTheContextGoWhereTheMethodDeclaresThem() throws Throwable {
		ActivityDefinition both = ActivityDefinition.of("both", this.bean,
				Activities.class.getDeclaredMethod("both", ActivityContext.class, String.class));
		assertThat(both.inputType()).isEqualTo(String.class);
		assertThat(both.invoke("x", new ActivityContext("both", "wf-1", "t-1", 3))).isEqualTo("x@wf-1");
	}

	@Test
	void aMethodWithTwoInputsIsRefusedWithWhatWouldBeRight() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ActivityDefinition.of("two", this.bean,
					Activities.class.getDeclaredMethod("two", String.class, String.class)))
			.withMessageEndingWith("takes more than one input: an activity method takes at most one input (a record "
					+ "for several values) and optionally an ActivityContext");
	}

	@Test
	void whatTheMethodThrowsIsThrownAsItIs() throws Exception {
		ActivityDefinition fails = ActivityDefinition.of("fails", this.bean,
				Activities.class.getDeclaredMethod("fails", String.class));
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> fails.invoke("x", new ActivityContext("fails", "wf", "t", 1)))
			.withMessage("disk full: x");
	}

}
