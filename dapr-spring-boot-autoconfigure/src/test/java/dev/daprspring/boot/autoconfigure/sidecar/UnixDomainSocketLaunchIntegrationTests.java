package dev.daprspring.boot.autoconfigure.sidecar;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.netty.util.Version;
import org.junit.jupiter.api.Test;

import dev.daprspring.boot.actuate.health.DaprHealthIndicator;
import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import dev.daprspring.boot.autoconfigure.sidecar.DaprSidecarProperties.SocketMode;
import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.invoke.DaprServiceInvocation;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A launched daprd on Unix domain sockets, the default on Linux once Netty's epoll transport
 * and Jetty's client are on the classpath: this class runs in its own failsafe execution
 * that adds both (see this module's pom), against a real daprd.
 */
class UnixDomainSocketLaunchIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void autoChoosesSocketsOnLinuxWhenBothLibrariesArePresent() {
		ClassLoader loader = getClass().getClassLoader();
		assertThat(UnixDomainSocketChoice.use(SocketMode.AUTO, "Linux", loader)).isTrue();
		assertThat(UnixDomainSocketChoice.use(SocketMode.AUTO, "Mac OS X", loader)).isFalse();
		assertThat(UnixDomainSocketChoice.use(SocketMode.NEVER, "Linux", loader)).isFalse();
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> UnixDomainSocketChoice.use(SocketMode.ALWAYS, "Windows 11", loader))
			.withMessageContaining("needs Linux (this is Windows 11)");
		// The pom adds epoll at a version of its own: it must be the Netty that Spring Boot manages.
		Map<String, Version> netty = Version.identify();
		assertThat(netty.get("netty-transport-classes-epoll").artifactVersion())
			.isEqualTo(netty.get("netty-transport").artifactVersion());
	}

	@Test
	void everyCallGoesOverTheSocketsWhileTheHttpPortAnswersHealthOnly() throws Exception {
		try (ConfigurableApplicationContext context = app(WebApplicationType.SERVLET).run("--dapr.sidecar.launch=always",
				"--server.port=0", "--spring.application.name=sockets")) {
			DaprSidecar sidecar = context.getBean(DaprSidecar.class);
			assertThat(sidecar.usesUnixDomainSockets()).isTrue();
			DaprConnectionDetails details = context.getBean(DaprConnectionDetails.class);
			assertThat(details.getGrpcEndpoint()).startsWith("unix:/").endsWith("/dapr-sockets-grpc.socket");
			assertThat(details.getHttpEndpoint()).startsWith("unix:/").endsWith("/dapr-sockets-http.socket");
			assertThat(Files.exists(Path.of(details.getGrpcEndpoint().substring("unix:".length())))).isTrue();

			// gRPC over the socket: state, metadata.
			DaprOperations dapr = context.getBean(DaprOperations.class);
			dapr.state().save("greeting", Map.of("text", "hello"));
			assertThat(dapr.state().get("greeting", Map.class)).contains(Map.of("text", "hello"));
			assertThat(dapr.metadata().appId()).isEqualTo("sockets");

			// HTTP over the socket: service invocation reaches the app through daprd.
			String echoed = context.getBean(DaprServiceInvocation.class)
				.restClient("sockets")
				.get()
				.uri("/echo/{word}", "over-the-socket")
				.retrieve()
				.body(String.class);
			assertThat(echoed).isEqualTo("echo over-the-socket");

			// Health reads healthz and metadata over the socket.
			assertThat(context.getBean(DaprHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
			assertThat(context.getBean(DaprHealthIndicator.class).health().getDetails()).containsEntry("appId",
					"sockets");

			// Over TCP only daprd's public server answers, on the HTTP port: health, nothing else.
			assertThat(status(sidecar.healthEndpoint() + "/v1.0/healthz")).isEqualTo(204);
			assertThat(status(sidecar.healthEndpoint() + "/v1.0/state/statestore/greeting")).isEqualTo(404);
			assertThatExceptionOfType(ConnectException.class).isThrownBy(
					() -> new Socket(InetAddress.getLoopbackAddress(), sidecar.grpcPort()).close());
		}
	}

	@Test
	void aDaprdKilledOnTheSocketsStartsAgainAndTheClientFollows() throws Exception {
		try (ConfigurableApplicationContext context = app(WebApplicationType.NONE).run("--dapr.sidecar.launch=always",
				"--spring.application.name=sockets-restart")) {
			DaprSidecar sidecar = context.getBean(DaprSidecar.class);
			DaprOperations dapr = context.getBean(DaprOperations.class);
			dapr.state().save("before", "kill");
			ProcessHandle daprd = sidecar.processHandle().orElseThrow();
			daprd.destroyForcibly();
			daprd.onExit().join();
			// A SIGKILLed daprd leaves its socket files behind; the next start must bind them anyway.
			String socket = sidecar.grpcEndpoint().substring("unix:".length());
			assertThat(Files.exists(Path.of(socket))).isTrue();
			sidecar.start();
			dapr.state().save("after", "restart");
			assertThat(dapr.state().get("after", String.class)).contains("restart");
		}
	}

	@Test
	void neverKeepsTcp() {
		try (ConfigurableApplicationContext context = app(WebApplicationType.NONE).run("--dapr.sidecar.launch=always",
				"--dapr.sidecar.unix-domain-socket=never")) {
			DaprSidecar sidecar = context.getBean(DaprSidecar.class);
			assertThat(sidecar.usesUnixDomainSockets()).isFalse();
			assertThat(context.getBean(DaprConnectionDetails.class).getGrpcEndpoint())
				.isEqualTo("http://127.0.0.1:" + sidecar.grpcPort());
			assertThat(context.getBean(DaprOperations.class).metadata().appId()).isEqualTo("application");
		}
	}

	private int status(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static SpringApplicationBuilder app(WebApplicationType type) {
		return new SpringApplicationBuilder(TestApp.class).web(type).logStartupInfo(false);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApp {

		@RestController
		static class Echo {

			@GetMapping("/echo/{word}")
			String echo(@PathVariable String word) {
				return "echo " + word;
			}

		}

	}

}
