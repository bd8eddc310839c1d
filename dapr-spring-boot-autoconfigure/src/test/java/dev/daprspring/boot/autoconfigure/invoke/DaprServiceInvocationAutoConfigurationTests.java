package dev.daprspring.boot.autoconfigure.invoke;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.boot.autoconfigure.invoke.fixtures.clients.ClientsConfiguration;
import dev.daprspring.boot.autoconfigure.invoke.fixtures.clients.InventoryClient;
import dev.daprspring.boot.autoconfigure.invoke.fixtures.clients.OrderClient;
import dev.daprspring.boot.autoconfigure.invoke.fixtures.clients.PlainInterface;
import dev.daprspring.boot.autoconfigure.invoke.fixtures.misplaced.MisplacedConfiguration;
import dev.daprspring.boot.autoconfigure.invoke.fixtures.none.NoClientsConfiguration;
import dev.daprspring.boot.autoconfigure.invoke.fixtures.unnamed.UnnamedClient;
import dev.daprspring.boot.autoconfigure.invoke.fixtures.unnamed.UnnamedConfiguration;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.invoke.DaprServiceInvocation;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * Which {@link DaprServiceClient} interfaces become beans and which app each calls. The
 * requests are checked on the application's {@code RestClient.Builder}, which the clients
 * are built from; calls through a real daprd are in
 * {@link DaprServiceInvocationIntegrationTests}.
 */
class DaprServiceInvocationAutoConfigurationTests {

	private final RestClient.Builder restClientBuilder = RestClient.builder();

	private final MockRestServiceServer server = MockRestServiceServer.bindTo(this.restClientBuilder).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DaprClientAutoConfiguration.class, DaprServiceInvocationAutoConfiguration.class))
		.withPropertyValues("dapr.client.http-endpoint=http://sidecar:3500",
				"dapr.client.grpc-endpoint=http://sidecar:50001")
		.withBean(RestClient.Builder.class, () -> this.restClientBuilder);

	@Test
	void annotatedInterfacesInTheApplicationPackagesBecomeBeans() {
		this.contextRunner.withUserConfiguration(ClientsConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(OrderClient.class)
				.hasSingleBean(InventoryClient.class)
				.doesNotHaveBean(PlainInterface.class);
			assertThat(context).getBean("orderClient").isInstanceOf(OrderClient.class);
			assertThat(context).getBean("inventoryClient").isInstanceOf(InventoryClient.class);
		});
	}

	@Test
	void aClientCallsTheAnnotatedAppThroughTheSidecarWithTheApiToken() {
		this.server.expect(requestTo("http://sidecar:3500/v1.0/invoke/orders/method/orders/7"))
			.andExpect(header("dapr-api-token", "s3cret"))
			.andRespond(withSuccess("seven", MediaType.TEXT_PLAIN));
		this.contextRunner.withUserConfiguration(ClientsConfiguration.class)
			.withPropertyValues("dapr.client.api-token=s3cret")
			.run((context) -> assertThat(context.getBean(OrderClient.class).get(7)).isEqualTo("seven"));
		this.server.verify();
	}

	@Test
	void placeholdersInTheAppIdAreResolved() {
		this.server.expect(requestTo("http://sidecar:3500/v1.0/invoke/stock-service/method/stock"))
			.andRespond(withSuccess("12", MediaType.TEXT_PLAIN));
		this.contextRunner.withUserConfiguration(ClientsConfiguration.class)
			.withPropertyValues("fixtures.inventory-app=stock-service")
			.run((context) -> assertThat(context.getBean(InventoryClient.class).stock()).isEqualTo("12"));
		this.server.verify();
	}

	@Test
	void aPlaceholderDefaultApplies() {
		this.server.expect(requestTo("http://sidecar:3500/v1.0/invoke/inventory/method/stock"))
			.andRespond(withSuccess("12", MediaType.TEXT_PLAIN));
		this.contextRunner.withUserConfiguration(ClientsConfiguration.class)
			.run((context) -> assertThat(context.getBean(InventoryClient.class).stock()).isEqualTo("12"));
		this.server.verify();
	}

	@Test
	void aPropertyReplacesTheAnnotatedAppId() {
		this.server.expect(requestTo("http://sidecar:3500/v1.0/invoke/orders-v2/method/orders/7"))
			.andRespond(withSuccess("seven", MediaType.TEXT_PLAIN));
		this.contextRunner.withUserConfiguration(ClientsConfiguration.class)
			.withPropertyValues("dapr.invoke.app-ids.order-client=orders-v2")
			.run((context) -> assertThat(context.getBean(OrderClient.class).get(7)).isEqualTo("seven"));
		this.server.verify();
	}

	@Test
	void nothingIsRegisteredWhenNoInterfaceIsAnnotated() {
		this.contextRunner.withUserConfiguration(NoClientsConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(DaprServiceInvocation.class)
				.doesNotHaveBean(NoClientsConfiguration.Unmarked.class);
			assertThat(context.getBeanNamesForType(OrderClient.class)).isEmpty();
		});
	}

	@Test
	void withoutAutoConfigurationPackagesNothingIsScanned() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(DaprServiceInvocation.class)
			.doesNotHaveBean(OrderClient.class));
	}

	@Test
	void theInvocationUsesTheSidecarConnection() {
		this.contextRunner.withPropertyValues("dapr.client.api-token=s3cret").run((context) -> {
			DaprClientOptions options = context.getBean(DaprServiceInvocation.class).getOptions();
			assertThat(options.httpEndpoint()).isEqualTo("http://sidecar:3500");
			assertThat(options.apiToken()).isEqualTo("s3cret");
		});
	}

	@Test
	void withoutARestClientBuilderBeanAPlainOneIsUsed() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DaprClientAutoConfiguration.class,
					DaprServiceInvocationAutoConfiguration.class))
			.withUserConfiguration(ClientsConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(OrderClient.class));
	}

	@Test
	void withoutTheSidecarConnectionItBacksOff() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DaprServiceInvocationAutoConfiguration.class))
			.withUserConfiguration(ClientsConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(DaprServiceInvocation.class)
				.doesNotHaveBean(OrderClient.class));
	}

	@Test
	void aUserInvocationBeanWins() {
		DaprServiceInvocation own = new DaprServiceInvocation(
				DaprClientOptions.of("http://own:50001", "http://own:3500", null), RestClient.builder());
		this.contextRunner.withBean(DaprServiceInvocation.class, () -> own)
			.run((context) -> assertThat(context.getBean(DaprServiceInvocation.class)).isSameAs(own));
	}

	@Test
	void anAnnotatedClassIsReportedAsMisplaced() {
		this.contextRunner.withUserConfiguration(MisplacedConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessage("@DaprServiceClient belongs on an @HttpExchange interface, but "
						+ "dev.daprspring.boot.autoconfigure.invoke.fixtures.misplaced.AnnotatedClass is a class: "
						+ "declare the calls to the other app as an interface with @GetExchange, @PostExchange... "
						+ "methods");
		});
	}

	@Test
	void aClientWithoutAppIdFailsNamingBothWaysToGiveIt() {
		this.contextRunner.withUserConfiguration(UnnamedConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessage("No app id for @DaprServiceClient "
						+ "dev.daprspring.boot.autoconfigure.invoke.fixtures.unnamed.UnnamedClient: "
						+ "set @DaprServiceClient(\"<app-id>\") or the property dapr.invoke.app-ids.unnamedClient");
		});
	}

	@Test
	void aClientWithoutAnnotatedAppIdTakesItFromTheProperty() {
		this.server.expect(requestTo("http://sidecar:3500/v1.0/invoke/pinger/method/ping"))
			.andRespond(withSuccess("pong", MediaType.TEXT_PLAIN));
		this.contextRunner.withUserConfiguration(UnnamedConfiguration.class)
			.withPropertyValues("dapr.invoke.app-ids.unnamedClient=pinger")
			.run((context) -> assertThat(context.getBean(UnnamedClient.class).ping()).isEqualTo("pong"));
		this.server.verify();
	}

}
