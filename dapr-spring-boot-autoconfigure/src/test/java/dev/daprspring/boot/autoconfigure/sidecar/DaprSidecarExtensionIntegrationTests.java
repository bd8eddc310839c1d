package dev.daprspring.boot.autoconfigure.sidecar;

import io.dapr.v1.DaprMetadataProtos.GetMetadataRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.test.junit.DaprSidecarExtension;
import dev.daprspring.boot.sidecar.testsupport.SidecarGrpc;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JUnit extension feeding a Spring Boot test's connection details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DaprSidecarExtensionIntegrationTests {

	@RegisterExtension
	static DaprSidecarExtension dapr = new DaprSidecarExtension(
			DaprSidecar.builder("extension").component(DaprComponents.inMemoryState("statestore")).apiToken("t0ken"));

	@DynamicPropertySource
	static void daprProperties(DynamicPropertyRegistry registry) {
		dapr.registerProperties(registry::add);
	}

	@Autowired
	DaprConnectionDetails connectionDetails;

	@Test
	void theApplicationConnectsToTheSidecarTheExtensionStarted() throws Exception {
		assertThat(dapr.sidecar().isRunning()).isTrue();
		assertThat(this.connectionDetails.getGrpcEndpoint()).isEqualTo(dapr.sidecar().grpcEndpoint());
		assertThat(this.connectionDetails.getHttpEndpoint()).isEqualTo(dapr.sidecar().httpEndpoint());
		assertThat(this.connectionDetails.getApiToken()).isEqualTo("t0ken");
		try (SidecarGrpc grpc = new SidecarGrpc(this.connectionDetails.getGrpcEndpoint(),
				this.connectionDetails.getApiToken())) {
			assertThat(grpc.blocking().getMetadata(GetMetadataRequest.getDefaultInstance()).getId())
				.isEqualTo("extension");
		}
	}

	@Test
	void connectionDetailsFollowTheSidecar() {
		DaprConnectionDetails details = new DaprSidecarConnectionDetails(dapr.sidecar());
		assertThat(details.getGrpcEndpoint()).isEqualTo("http://127.0.0.1:" + dapr.sidecar().grpcPort());
		assertThat(details.getApiToken()).isEqualTo("t0ken");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApp {

	}

}
