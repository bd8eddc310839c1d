package dev.daprspring.boot.test.testcontainers;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.sidecar.testsupport.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * daprd in a container with a Redis container as its state store and pub/sub, on one
 * Docker network: the components address Redis by its network alias, and what daprd
 * writes is read back from Redis itself.
 */
@RequiresDockerImages({ DaprImages.DAPRD, TestImages.REDIS })
@Testcontainers
class DaprContainerRedisIntegrationTests {

	static final Network network = Network.newNetwork();

	@Container
	static final GenericContainer<?> redis = TestImages.redis(network, "redis");

	@Container
	static final DaprContainer dapr = new DaprContainer().withAppId("redis-app")
		.withNetwork(network)
		.dependsOn(redis)
		.withComponent(DaprComponents.redisState("statestore", "redis:6379"))
		.withComponent(DaprComponents.redisPubSub("pubsub", "redis:6379"));

	private final SidecarHttp http = new SidecarHttp(dapr);

	@AfterAll
	static void closeNetwork() {
		network.close();
	}

	@Test
	void stateIsStoredInTheRedisContainer() throws Exception {
		HttpResponse<String> saved = this.http.post("/v1.0/state/statestore",
				"[{\"key\":\"order-1\",\"value\":{\"item\":\"book\"}}]");
		assertThat(saved.statusCode()).isEqualTo(204);
		// state.redis keeps each key as a hash with the value in its data field.
		ExecResult stored = redis.execInContainer("redis-cli", "HGET", "redis-app||order-1", "data");
		assertThat(stored.getStdout()).contains("\"item\":\"book\"");
		HttpResponse<String> read = this.http.get("/v1.0/state/statestore/order-1");
		assertThat(SidecarHttp.json(read).path("item").asString()).isEqualTo("book");
	}

	@Test
	void aStaleEtagIsRefusedByDaprdAndTheStoredValueStays() throws Exception {
		this.http.post("/v1.0/state/statestore", "[{\"key\":\"order-2\",\"value\":{\"v\":1}}]");
		String etag = this.http.get("/v1.0/state/statestore/order-2").headers().firstValue("ETag").orElseThrow();
		this.http.post("/v1.0/state/statestore", "[{\"key\":\"order-2\",\"value\":{\"v\":2},\"etag\":\"" + etag + "\"}]");
		HttpResponse<String> stale = this.http.post("/v1.0/state/statestore",
				"[{\"key\":\"order-2\",\"value\":{\"v\":3},\"etag\":\"" + etag + "\"}]");
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("ERR_STATE_SAVE");
		assertThat(SidecarHttp.json(this.http.get("/v1.0/state/statestore/order-2")).path("v").asInt()).isEqualTo(2);
	}

	@Test
	void aPublishedEventLandsOnTheTopicsRedisStream() throws Exception {
		HttpResponse<String> published = this.http.post("/v1.0/publish/pubsub/shipments", "{\"parcel\":\"p-1\"}");
		assertThat(published.statusCode()).isEqualTo(204);
		ExecResult length = redis.execInContainer("redis-cli", "XLEN", "shipments");
		assertThat(length.getStdout().trim()).isEqualTo("1");
		ExecResult entries = redis.execInContainer("redis-cli", "XRANGE", "shipments", "-", "+");
		assertThat(entries.getStdout()).contains("p-1");
	}

	@Test
	void metadataListsTheRedisComponents() throws Exception {
		assertThat(this.http.metadata().path("components").findValuesAsString("type")).contains("state.redis",
				"pubsub.redis");
	}

}
