package dev.daprspring.data.repository;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The store check against a real daprd: a store the sidecar does not have is reported at
 * first use, or at startup with {@code dapr.data.fail-fast=true}.
 */
class StoreCheckIntegrationTests {

	private DaprTransport transport;

	@BeforeEach
	void connect() {
		DaprSidecar sidecar = RepositorySidecar.get();
		this.transport = new DaprTransport(
				DaprClientOptions.of(sidecar.grpcEndpoint(), sidecar.httpEndpoint(), null));
	}

	@AfterEach
	void close() {
		this.transport.close();
	}

	@Test
	void anUnknownStoreFailsTheFirstUseNamingTheStoresTheSidecarHas() {
		try (AnnotationConfigApplicationContext context = context(Map.of("dapr.data.default-store", "nope"))) {
			context.refresh();
			OrderRepository orders = context.getBean(OrderRepository.class);
			assertThatExceptionOfType(InvalidDataAccessResourceUsageException.class).isThrownBy(orders::findAll)
				.withMessageContaining(OrderRepository.class.getName())
				.withMessageContaining("use state store 'nope', which the sidecar does not have")
				.withMessageContaining("memory (state.in-memory)")
				.withMessageContaining("redis (state.redis)")
				.withMessageContaining("postgres (state.postgresql)")
				.withMessageContaining("dapr.data.default-store");
		}
	}

	@Test
	void withFailFastAnUnknownStoreFailsStartup() {
		try (AnnotationConfigApplicationContext context = context(
				Map.of("dapr.data.default-store", "nope", "dapr.data.fail-fast", "true"))) {
			assertThatExceptionOfType(BeanCreationException.class).isThrownBy(context::refresh)
				.havingRootCause()
				.isInstanceOf(InvalidDataAccessResourceUsageException.class)
				.withMessageContaining("use state store 'nope', which the sidecar does not have")
				.withMessageContaining("memory (state.in-memory)");
		}
	}

	@Test
	void withFailFastAGoodStoreStarts() {
		try (AnnotationConfigApplicationContext context = context(
				Map.of("dapr.data.default-store", "memory", "dapr.data.fail-fast", "true"))) {
			context.refresh();
			assertThat(context.getBean(OrderRepository.class).count()).isNotNegative();
		}
	}

	private AnnotationConfigApplicationContext context(Map<String, Object> properties) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
		DaprTransport transport = this.transport;
		context.registerBean(DaprTransport.class, () -> transport);
		context.register(RepositoryContract.Repositories.class);
		return context;
	}

}
