package dev.daprspring.boot.autoconfigure.badinput;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.daprspring.boot.autoconfigure.badinput.startup.cel.CelApp;
import dev.daprspring.boot.autoconfigure.badinput.startup.duplicate.DuplicateRouteApp;
import dev.daprspring.boot.autoconfigure.badinput.startup.noappid.NoAppIdApp;
import dev.daprspring.boot.autoconfigure.badinput.startup.unreachable.NotesApp;
import dev.daprspring.boot.sidecar.Ports;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Applications that must not start: each failure names what was wrong and what would be
 * right, in the exception and in the failure analysis Spring Boot prints.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadStartupIntegrationTests {

	private static final String NOBODY = "http://127.0.0.1:" + Ports.free();

	@Test
	void malformedGrpcEndpointIsRejectedWithAnExample(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(NotesApp.class, "dapr.client.grpc-endpoint=ftp://sidecar:50001"));
		assertThat(output).contains("dapr.client.grpc-endpoint")
			.contains("must be http://host:port (plaintext), https://host:port (TLS) or unix:/path/to/socket, for example "
					+ "http://127.0.0.1:50001; got 'ftp://sidecar:50001'");
	}

	@Test
	void malformedHttpEndpointIsRejectedWithAnExample(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(NotesApp.class, "dapr.client.http-endpoint=localhost 3500"));
		assertThat(output).contains("dapr.client.http-endpoint")
			.contains("for example http://127.0.0.1:3500; got 'localhost 3500'");
	}

	@Test
	void negativeTimeoutIsRejectedWithAnExample(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(NotesApp.class, "dapr.client.timeout=-5s"));
		assertThat(output).contains("dapr.client.timeout").contains("must be positive, for example 60s; got PT-5S");
	}

	@Test
	void zeroTimeoutIsRejectedWithAnExample(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(NotesApp.class, "dapr.client.timeout=0ms"));
		assertThat(output).contains("dapr.client.timeout").contains("must be positive, for example 60s; got PT0S");
	}

	@Test
	void zeroMaxMessageSizeIsRejectedWithAnExample(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(NotesApp.class, "dapr.client.max-message-size=0B"));
		assertThat(output).contains("dapr.client.max-message-size")
			.contains("must be more than 0 bytes and less than 2GB, for example 4MB; got 0B");
	}

	@Test
	void unknownLaunchModeIsRejectedListingTheValidOnes(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(NotesApp.class, "dapr.sidecar.launch=sometimes"));
		assertThat(output).contains("dapr.sidecar.launch").containsIgnoringCase("always").containsIgnoringCase("never");
	}

	@Test
	void unreachableSidecarAtStartupIsNamedWhenRepositoriesFailFast(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> start(NotesApp.class, "dapr.client.grpc-endpoint=" + NOBODY, "dapr.data.fail-fast=true",
					"dapr.client.resilience.enabled=false"))
			.satisfies((ex) -> assertThat(ex)
				.hasStackTraceContaining("Dapr sidecar at " + NOBODY + " is unavailable")
				.hasStackTraceContaining("Is daprd running and is the client's gRPC endpoint right?"));
		// The startup report names the property (DaprClientFailureAnalyzer).
		assertThat(output).contains("Action:").contains("dapr.client.grpc-endpoint");
	}

	@Test
	void unreachableSidecarDoesNotStopAnApplicationThatChecksLazily() {
		try (ConfigurableApplicationContext context = start(NotesApp.class, "dapr.client.grpc-endpoint=" + NOBODY)) {
			assertThat(context.isActive()).isTrue();
		}
	}

	@Test
	void twoHandlersForOneRouteAreNamedBoth(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(DuplicateRouteApp.class))
			.satisfies((ex) -> assertThat(ex).rootCause()
				.hasMessageContaining("bill")
				.hasMessageContaining("ship")
				.hasMessageContaining("orders"));
	}

	@Test
	void serviceClientWithoutAnAppIdNamesThePropertyToSet() {
		assertThatException().isThrownBy(() -> start(NoAppIdApp.class).getBean(NoAppIdApp.InventoryClient.class))
			.satisfies((ex) -> assertThat(ex).rootCause()
				.hasMessageContaining("No app id for @DaprServiceClient")
				.hasMessageContaining("dapr.invoke.app-ids.")
				.hasMessageContaining("@DaprServiceClient(\"<app-id>\")"));
	}

	@Test
	void invalidCelMatchIsReportedNamingTheRuleAndItsHandler(CapturedOutput output) {
		// daprd rejects the whole subscription list without telling the app: the app checks the sidecar's metadata.
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CelApp.class)
			.properties("dapr.sidecar.launch=always", "server.port=0")
			.run()) {
			await().atMost(Duration.ofSeconds(90))
				.untilAsserted(() -> assertThat(output).contains("did not subscribe to [pubsub/shapes]")
					.contains("a @Topic match that is not valid CEL")
					.contains("'event.type == ((' (CelApp.Handlers.circle(String))")
					.contains("such as event.type == \"order.placed\""));
		}
	}

	private static ConfigurableApplicationContext start(Class<?> app, String... properties) {
		return new SpringApplicationBuilder(app).web(WebApplicationType.NONE).properties(properties).run();
	}

}
