package dev.daprspring.boot.autoconfigure.actors;

import org.junit.jupiter.api.Test;

import dev.daprspring.actors.annotation.DaprActor;
import dev.daprspring.actors.client.ActorProxyFactory;
import dev.daprspring.actors.runtime.ActorDispatcher;
import dev.daprspring.actors.runtime.ActorTypes;
import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

class DaprActorsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(DaprClientAutoConfiguration.class, DaprActorsAutoConfiguration.class));

	@Test
	void proxiesAndTheDispatcherAreConfiguredWithoutTheEndpointsOutsideAWebApplication() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ActorTypes.class)
				.hasSingleBean(ActorDispatcher.class)
				.hasSingleBean(ActorProxyFactory.class)
				.doesNotHaveBean(ServletRegistrationBean.class);
			assertThat(context.getBean(ActorTypes.class).isEmpty()).isTrue();
		});
	}

	@Test
	void aServletApplicationThatHostsActorsServesTheActorEndpoints() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DaprClientAutoConfiguration.class, DaprActorsAutoConfiguration.class))
			.withUserConfiguration(ActorsConfiguration.class)
			.run((context) -> {
				assertThat(context.getBean("daprActorServlet", ServletRegistrationBean.class).getUrlMappings())
					.containsExactly("/dapr/config", "/actors/*");
				assertThat(context.getBean(ActorTypes.class).names()).containsExactly("Cart");
			});
	}

	@Test
	void aServletApplicationWithoutActorsServesNoActorEndpoints() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DaprClientAutoConfiguration.class, DaprActorsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean("daprActorServlet")
				.hasSingleBean(ActorProxyFactory.class));
	}

	@Test
	void hostingActorsOnTheGrpcAppChannelIsRefusedWithTheReasonWhileCallingThemIsNot() {
		this.runner.withUserConfiguration(ActorsConfiguration.class)
			.withPropertyValues("dapr.app.protocol=grpc")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageStartingWith("This application hosts actor types [Cart] but talks to daprd over the gRPC "
						+ "app channel (dapr.app.protocol=grpc)"));
		this.runner.withPropertyValues("dapr.app.protocol=grpc")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ActorProxyFactory.class));
	}

	@Configuration(proxyBeanMethods = false)
	@Import(CartActor.class)
	static class ActorsConfiguration {

	}

	@DaprActor("Cart")
	static class CartActor {

		public int total() {
			return 0;
		}

	}

	@Test
	void actorsCanBeSwitchedOff() {
		this.runner.withPropertyValues("dapr.actors.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ActorProxyFactory.class));
	}

}
