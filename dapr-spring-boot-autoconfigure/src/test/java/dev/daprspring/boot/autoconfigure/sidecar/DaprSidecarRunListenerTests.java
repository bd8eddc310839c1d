package dev.daprspring.boot.autoconfigure.sidecar;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Config imports find the application's own sidecar in the bootstrap context.
 */
class DaprSidecarRunListenerTests {

	private final DefaultBootstrapContext bootstrap = new DefaultBootstrapContext();

	private final DaprSidecarRunListener listener = new DaprSidecarRunListener(new SpringApplication(),
			new String[0]);

	@Test
	void startingOffersImportsTheLaunchedSidecar() {
		this.listener.starting(this.bootstrap);
		assertThat(this.bootstrap.isRegistered(LaunchedSidecarConnection.class)).isTrue();
	}

	@Test
	void anImportGetsNoSidecarWhenNoneIsToBeLaunched() {
		this.listener.starting(this.bootstrap);
		LaunchedSidecarConnection connection = this.bootstrap.get(LaunchedSidecarConnection.class);
		assertThat(connection.connect(new Binder(new MapConfigurationPropertySource(Map.of())))).isNull();
		assertThat(connection.connect(new Binder(new MapConfigurationPropertySource(Map.of("dapr.sidecar.launch",
				"auto", "dapr.client.grpc-endpoint", "http://127.0.0.1:1")))))
			.isNull();
		assertThat(this.bootstrap.isRegistered(LaunchedSidecar.class)).isFalse();
	}

	@Test
	void aFailureWithoutALaunchedSidecarStopsNothing() {
		this.listener.starting(this.bootstrap);
		assertThatNoException().isThrownBy(() -> this.listener.failed(null, new IllegalStateException("failed")));
	}

}
