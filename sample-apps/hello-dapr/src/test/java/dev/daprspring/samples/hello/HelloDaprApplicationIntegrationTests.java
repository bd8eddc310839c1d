package dev.daprspring.samples.hello;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.daprspring.actors.client.ActorProxyFactory;
import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.controlplane.DaprPlacement;
import dev.daprspring.boot.sidecar.controlplane.DaprScheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dapr.sidecar.launch=always")
class HelloDaprApplicationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DaprSidecar sidecar;

	@Autowired
	ApplicationContext context;

	@Test
	void theStarterLaunchesTheSidecarWithoutPuttingTestSupportOnTheApplicationsClasspath() {
		assertThat(this.sidecar.isRunning()).isTrue();
		ClassLoader classLoader = getClass().getClassLoader();
		// Neither this project's test support nor Testcontainers comes with the starter.
		assertThat(ClassUtils.isPresent("dev.daprspring.boot.test.testcontainers.DaprContainer", classLoader)).isFalse();
		assertThat(ClassUtils.isPresent("dev.daprspring.boot.test.junit.DaprSidecarExtension", classLoader)).isFalse();
		assertThat(ClassUtils.isPresent("org.testcontainers.containers.GenericContainer", classLoader)).isFalse();
	}

	@Test
	void countsVisitsInTheLaunchedSidecarsStateStore() throws Exception {
		assertThat(this.sidecar.isRunning()).isTrue();
		assertThat(this.sidecar.appPort()).isEqualTo(this.port);
		RestClient client = RestClient.create("http://127.0.0.1:" + this.port);
		Greeting first = client.get().uri("/hello/ada").retrieve().body(Greeting.class);
		assertThat(first).isEqualTo(new Greeting("Hello, ada!", 1));

		// Concurrent visits race on the same key: ETag retries must not lose any.
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Greeting>> visits = pool.invokeAll(Collections.nCopies(40,
					() -> client.get().uri("/hello/ada").retrieve().body(Greeting.class)));
			for (Future<Greeting> visit : visits) {
				visit.get();
			}
		}
		finally {
			pool.shutdown();
		}
		Greeting last = client.get().uri("/hello/ada").retrieve().body(Greeting.class);
		assertThat(last.visits()).isEqualTo(42);
	}

	@Test
	void launchesNoControlPlaneForAnApplicationWithoutActors() {
		// The starter brings dapr-spring-actors (this application could call actors hosted
		// elsewhere), but it hosts no @DaprActor class: no placement, no scheduler, no endpoints.
		assertThat(this.context.getBeanNamesForType(ActorProxyFactory.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(DaprPlacement.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(DaprScheduler.class)).isEmpty();
		assertThat(this.context.containsBean("daprActorServlet")).isFalse();
	}

	record Greeting(String greeting, long visits) {
	}

}
