package dev.daprspring.boot.autoconfigure.messaging;

import org.junit.jupiter.api.Test;

import dev.daprspring.messaging.binding.BindingListener;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link BindingServletInitializer}: a listener the web server cannot serve
 * fails the startup with what to change.
 */
class BindingServletInitializerTests {

	@Test
	void aListenerHiddenByItsBeansDeclaredTypeFailsTheStartupNamingItAndTheFix() {
		SpringApplicationBuilder application = new SpringApplicationBuilder(HiddenListenerApp.class)
			.properties("server.port=0", "dapr.client.grpc-endpoint=http://localhost:1");
		assertThatIllegalStateException().isThrownBy(application::run)
			.withMessageContaining("@BindingListener methods [BindingEndpoint[hidden -> "
					+ "BindingServletInitializerTests.Hidden.on(String)]] were found only after the web server started")
			.withMessageContaining("Declare those beans with their class");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class HiddenListenerApp {

		// Declared as Object, so the listener is not visible before the bean is created.
		@Bean
		Object hidden() {
			return new Hidden();
		}

	}

	static class Hidden {

		@BindingListener("hidden")
		void on(String body) {
		}

	}

}
