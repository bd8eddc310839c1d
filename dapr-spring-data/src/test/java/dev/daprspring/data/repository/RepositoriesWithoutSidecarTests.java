package dev.daprspring.data.repository;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.error.DaprSidecarUnavailableException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Repositories while no sidecar listens: the application starts and the first use fails,
 * unless {@code dapr.data.fail-fast=true} makes startup fail.
 */
class RepositoriesWithoutSidecarTests {

	private DaprTransport transport;

	@AfterEach
	void close() {
		if (this.transport != null) {
			this.transport.close();
		}
	}

	@Test
	void theContextStartsAndTheFirstUseSaysTheSidecarIsUnavailable() throws IOException {
		try (AnnotationConfigApplicationContext context = context(Map.of("dapr.data.default-store", "memory"))) {
			context.refresh();
			OrderRepository orders = context.getBean(OrderRepository.class);
			assertThatExceptionOfType(DaprSidecarUnavailableException.class).isThrownBy(orders::count);
			assertThatExceptionOfType(DaprSidecarUnavailableException.class).isThrownBy(orders::count);
		}
	}

	@Test
	void failFastMakesStartupFail() throws IOException {
		try (AnnotationConfigApplicationContext context = context(
				Map.of("dapr.data.default-store", "memory", "dapr.data.fail-fast", "true"))) {
			BeanCreationException failure = catchThrowableOfType(BeanCreationException.class, context::refresh);
			Throwable cause = failure;
			while (cause != null && !(cause instanceof DaprSidecarUnavailableException)) {
				cause = cause.getCause();
			}
			assertThat(cause).as("cause chain of %s", failure).isInstanceOf(DaprSidecarUnavailableException.class);
		}
	}

	private AnnotationConfigApplicationContext context(Map<String, Object> properties) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.transport = new DaprTransport(
				DaprClientOptions.of("http://127.0.0.1:" + port, "http://127.0.0.1:" + port, null));
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
		DaprTransport transport = this.transport;
		context.registerBean(DaprTransport.class, () -> transport);
		context.register(RepositoryContract.Repositories.class);
		return context;
	}

}
