package dev.daprspring.messaging.binding;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link BindingEndpointRegistry}, {@link BindingEndpoint} and
 * {@link BindingNames}.
 */
class BindingEndpointRegistryTests {

	@Test
	void aBindingWithTwoListenersIsRejectedNamingBoth() throws Exception {
		BindingEndpointRegistry registry = new BindingEndpointRegistry();
		registry.register(new BindingEndpoint("tick", new Listeners(), method("tick")));
		assertThatIllegalStateException()
			.isThrownBy(() -> registry.register(new BindingEndpoint("tick", new Listeners(), method("tock"))))
			.withMessage("Input binding 'tick' has two @BindingListener methods, BindingEndpointRegistryTests.Listeners.tick(String) and "
					+ "BindingEndpointRegistryTests.Listeners.tock(String); keep one");
	}

	@Test
	void aNameThatIsNotOnePathSegmentIsRejected() throws Exception {
		assertThatIllegalArgumentException().isThrownBy(() -> new BindingEndpoint("a/b", new Listeners(), method("tick")))
			.withMessageContaining("names binding 'a/b'")
			.withMessageContaining("a non-empty path segment without '/'");
	}

	@Test
	void theNamesOfBeanDefinitionsAreFoundWithoutCreatingTheBeansAndPlaceholdersResolved() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.addEmbeddedValueResolver((value) -> value.replace("${name}", "resolved"));
		beanFactory.registerBeanDefinition("listeners", new RootBeanDefinition(Listeners.class));
		assertThat(BindingNames.of(beanFactory)).containsExactlyInAnyOrder("tick", "resolved");
		assertThat(beanFactory.containsSingleton("listeners")).isFalse();
	}

	private static Method method(String name) throws NoSuchMethodException {
		return Listeners.class.getDeclaredMethod(name, String.class);
	}

	static class Listeners {

		@BindingListener("tick")
		void tick(String body) {
		}

		@BindingListener("${name}")
		void tock(String body) {
		}

	}

}
