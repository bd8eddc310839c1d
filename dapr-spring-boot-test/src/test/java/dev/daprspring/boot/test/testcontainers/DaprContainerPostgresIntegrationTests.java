package dev.daprspring.boot.test.testcontainers;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import tools.jackson.databind.JsonNode;

import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.sidecar.testsupport.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * daprd in a container with a PostgreSQL container as its state store (component v1, which
 * answers the state query API), addressed by network alias.
 */
@RequiresDockerImages({ DaprImages.DAPRD, TestImages.POSTGRES })
@Testcontainers
class DaprContainerPostgresIntegrationTests {

	static final Network network = Network.newNetwork();

	@Container
	static final GenericContainer<?> postgres = TestImages.postgres(network, "postgres", "s3cret");

	@Container
	static final DaprContainer dapr = new DaprContainer().withAppId("postgres-app")
		.withNetwork(network)
		.dependsOn(postgres)
		.withComponent(DaprComponents.postgresState("statestore",
				"host=postgres port=5432 user=postgres password=s3cret database=postgres connect_timeout=10"));

	private final SidecarHttp http = new SidecarHttp(dapr);

	@AfterAll
	static void closeNetwork() {
		network.close();
	}

	@Test
	void savedStateIsFoundByTheQueryApi() throws Exception {
		HttpResponse<String> saved = this.http.post("/v1.0/state/statestore",
				"[{\"key\":\"o-1\",\"value\":{\"item\":\"book\"}},{\"key\":\"o-2\",\"value\":{\"item\":\"pen\"}}]");
		assertThat(saved.statusCode()).isEqualTo(204);
		HttpResponse<String> found = this.http.post("/v1.0-alpha1/state/statestore/query",
				"{\"filter\":{\"EQ\":{\"item\":\"pen\"}}}");
		assertThat(found.statusCode()).isEqualTo(200);
		JsonNode results = SidecarHttp.json(found).path("results");
		assertThat(results.findValuesAsString("key")).containsExactly("o-2");
	}

	@Test
	void theRowIsInThePostgresContainersStateTable() throws Exception {
		this.http.post("/v1.0/state/statestore", "[{\"key\":\"o-3\",\"value\":{\"item\":\"ink\"}}]");
		String row = postgres
			.execInContainer("psql", "-U", "postgres", "-tA", "-c", "select value from state where key = 'postgres-app||o-3'")
			.getStdout();
		assertThat(row).contains("\"item\"").contains("\"ink\"");
	}

}
