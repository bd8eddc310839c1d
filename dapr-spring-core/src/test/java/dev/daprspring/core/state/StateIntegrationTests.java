package dev.daprspring.core.state;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.sidecar.testsupport.LocalPostgresServer;
import dev.daprspring.boot.sidecar.testsupport.LocalRedisServer;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.error.DaprComponentNotFoundException;
import dev.daprspring.core.error.DaprEtagMismatchException;
import dev.daprspring.core.error.DaprUnsupportedOperationException;
import dev.daprspring.core.metadata.SidecarMetadata;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The state API against a real daprd with in-memory, Redis and PostgreSQL (v1) stores.
 */
class StateIntegrationTests {

	static LocalRedisServer redis;

	static LocalPostgresServer postgres;

	static DaprSidecar sidecar;

	static DaprTransport transport;

	static DaprTemplate dapr;

	static final HttpClient http = HttpClient.newHttpClient();

	static final JsonMapper json = JsonMapper.builder().build();

	record Order(String id, String item, int quantity, List<String> tags) {
	}

	@BeforeAll
	static void start() {
		redis = LocalRedisServer.start();
		postgres = LocalPostgresServer.start();
		sidecar = DaprSidecar.builder("state-tests")
			.component(DaprComponents.inMemoryState("memory"))
			.component(DaprComponents.redisState("redis", redis.address()))
			.component(DaprComponents.postgresState("postgres", postgres.connectionString()))
			.start();
		transport = new DaprTransport(DaprClientOptions.of(sidecar.grpcEndpoint(), sidecar.httpEndpoint(), null));
		dapr = new DaprTemplate(transport, json);
		dapr.setDefaultStateStore("memory");
	}

	@AfterAll
	static void stop() {
		transport.close();
		sidecar.close();
		postgres.close();
		redis.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "redis", "postgres" })
	void savesAndReadsTypedValuesWithEtags(String store) {
		StateOperations state = dapr.state(store);
		Order order = new Order("o-1", "book", 2, List.of("gift"));
		state.save("order-1", order);
		StateEntry<Order> entry = state.getEntry("order-1", Order.class);
		assertThat(entry.value()).isEqualTo(order);
		assertThat(entry.etag()).isNotBlank();
		assertThat(state.get("order-1", Order.class)).contains(order);
		assertThat(state.get("missing", Order.class)).isEmpty();
		assertThat(state.getEntry("missing", Order.class).exists()).isFalse();
		state.delete("order-1");
		assertThat(state.get("order-1", Order.class)).isEmpty();
		state.delete("never-there");
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "redis", "postgres" })
	void aStaleEtagFailsTheWriteAndWritesNothing(String store) {
		StateOperations state = dapr.state(store);
		state.save("counter", 1);
		String etag = state.getEntry("counter", Integer.class).etag();
		state.save("counter", 2, SaveOptions.ifMatch(etag));
		assertThatExceptionOfType(DaprEtagMismatchException.class)
			.isThrownBy(() -> state.save("counter", 3, SaveOptions.ifMatch(etag)))
			.isInstanceOf(OptimisticLockingFailureException.class)
			.withMessageContaining("state.save on '" + store + "'")
			.withMessageContaining("nothing was written");
		assertThat(state.get("counter", Integer.class)).contains(2);
		assertThatExceptionOfType(DaprEtagMismatchException.class)
			.isThrownBy(() -> state.delete("counter", etag));
		assertThat(state.get("counter", Integer.class)).contains(2);
		state.delete("counter", state.getEntry("counter", Integer.class).etag());
		assertThat(state.get("counter", Integer.class)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "redis", "postgres" })
	void firstWriteConcurrencyNeedsTheCurrentEtag(String store) {
		StateOperations state = dapr.state(store);
		state.save("fw", "one");
		SaveOptions firstWrite = SaveOptions.none().withConcurrency(SaveOptions.Concurrency.FIRST_WRITE);
		String etag = state.getEntry("fw", String.class).etag();
		state.save("fw", "two", firstWrite.withEtag(etag));
		assertThatExceptionOfType(DaprEtagMismatchException.class)
			.isThrownBy(() -> state.save("fw", "three", firstWrite.withEtag(etag)));
		assertThat(state.get("fw", String.class)).contains("two");
	}

	/**
	 * A create-if-absent (first-write without an ETag) of a key that exists, and on state.redis
	 * also a plain save over a key written with first-write, are refused like a stale ETag
	 * (state.redis reports them as an internal error of its Lua script).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "memory", "redis" })
	void aFirstWriteCreateOfAKeyThatExistsIsAnEtagMismatch(String store) {
		StateOperations state = dapr.state(store);
		state.delete("fw-create");
		SaveOptions firstWrite = SaveOptions.none().withConcurrency(SaveOptions.Concurrency.FIRST_WRITE);
		state.save("fw-create", "one", firstWrite);
		assertThatExceptionOfType(DaprEtagMismatchException.class)
			.isThrownBy(() -> state.save("fw-create", "two", firstWrite))
			.withMessageContaining("nothing was written");
		if (store.equals("redis")) {
			assertThatExceptionOfType(DaprEtagMismatchException.class).isThrownBy(() -> state.save("fw-create", "three"));
		}
		assertThat(state.get("fw-create", String.class)).contains("one");
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "redis", "postgres" })
	void bulkReadsKeepTheOrderAskedAndReportMissingKeys(String store) {
		StateOperations state = dapr.state(store);
		state.saveAll(Map.of("b1", new Order("b1", "pen", 1, List.of()), "b2", new Order("b2", "ink", 3, List.of())));
		List<StateEntry<Order>> entries = state.getAll(List.of("b2", "nope", "b1"), Order.class, 2);
		assertThat(entries).extracting(StateEntry::key).containsExactly("b2", "nope", "b1");
		assertThat(entries.get(0).value().item()).isEqualTo("ink");
		assertThat(entries.get(1).exists()).isFalse();
		assertThat(entries.get(2).etag()).isNotBlank();
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "postgres" })
	void transactionsCommitAllOrNothing(String store) {
		StateOperations state = dapr.state(store);
		state.save("tx-a", "a0");
		state.save("tx-gone", "x");
		state.transaction((tx) -> tx.upsert("tx-a", "a1").upsert("tx-b", "b1").delete("tx-gone"));
		assertThat(state.get("tx-a", String.class)).contains("a1");
		assertThat(state.get("tx-b", String.class)).contains("b1");
		assertThat(state.get("tx-gone", String.class)).isEmpty();

		String staleEtag = state.getEntry("tx-a", String.class).etag();
		state.save("tx-a", "a2");
		assertThatExceptionOfType(DaprEtagMismatchException.class).isThrownBy(() -> state
			.transaction((tx) -> tx.upsert("tx-b", "b2").upsert("tx-a", "a3", SaveOptions.ifMatch(staleEtag))));
		assertThat(state.get("tx-a", String.class)).contains("a2");
		assertThat(state.get("tx-b", String.class)).contains("b1");
	}

	/**
	 * state.redis runs a transaction as a Redis MULTI/EXEC, which does not roll back: an
	 * operation with a stale ETag fails (and the call throws) but the others are applied.
	 */
	@Test
	void redisAppliesTheOtherOperationsOfATransactionWithAStaleEtag() {
		StateOperations state = dapr.state("redis");
		state.save("rtx-a", "a0");
		String staleEtag = state.getEntry("rtx-a", String.class).etag();
		state.save("rtx-a", "a1");
		assertThatExceptionOfType(DaprEtagMismatchException.class).isThrownBy(() -> state
			.transaction((tx) -> tx.upsert("rtx-b", "b1").upsert("rtx-a", "a2", SaveOptions.ifMatch(staleEtag))));
		assertThat(state.get("rtx-a", String.class)).contains("a1");
		assertThat(state.get("rtx-b", String.class)).contains("b1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "redis", "postgres" })
	void valuesExpireAfterTheirTtl(String store) throws InterruptedException {
		StateOperations state = dapr.state(store);
		state.save("short-lived", "soon gone", SaveOptions.ttl(Duration.ofSeconds(1)));
		state.save("long-lived", "stays");
		assertThat(state.get("short-lived", String.class)).contains("soon gone");
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (state.get("short-lived", String.class).isPresent() && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		assertThat(state.get("short-lived", String.class)).isEmpty();
		assertThat(state.get("long-lived", String.class)).contains("stays");
	}

	@Test
	void stringsAndBytesAreStoredAsTheyAre() throws Exception {
		StateOperations state = dapr.state("redis");
		state.save("text", "plain text, not JSON");
		state.save("bytes", new byte[] { 0, 1, 2, (byte) 255 });
		assertThat(httpGet("redis", "text")).isEqualTo("plain text, not JSON");
		assertThat(state.get("bytes", byte[].class)).hasValueSatisfying(
				(bytes) -> assertThat(bytes).containsExactly(0, 1, 2, 255));
	}

	record Big(long id, java.math.BigDecimal price, String z, String a) {
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "redis" })
	void jsonBytesAreStoredExactlyOnStoresWithoutTheQueryApi(String store) throws Exception {
		StateOperations state = dapr.state(store);
		state.save("big", new Big(9007199254740993L, new java.math.BigDecimal("1.10"), "last", "first"));
		assertThat(state.get("big", Big.class))
			.contains(new Big(9007199254740993L, new java.math.BigDecimal("1.10"), "last", "first"));
		assertThat(httpGet(store, "big")).isEqualTo("{\"id\":9007199254740993,\"price\":1.10,\"z\":\"last\",\"a\":\"first\"}");
	}

	@Test
	void genericTypesAreReadWithTheirTypeArguments() {
		StateOperations state = dapr.state();
		state.save("orders", List.of(new Order("g1", "cup", 1, List.of())));
		StateEntry<List<Order>> entry = state.getEntry("orders", new ParameterizedTypeReference<List<Order>>() {
		});
		assertThat(entry.value()).containsExactly(new Order("g1", "cup", 1, List.of()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "redis", "postgres" })
	void valuesArePlainJsonThatTheHttpApiAndOtherSdksRead(String store) throws Exception {
		StateOperations state = dapr.state(store);
		state.save("interop", new Order("i-1", "lamp", 4, List.of("a", "b")));
		JsonNode stored = json.readTree(httpGet(store, "interop"));
		assertThat(stored).isEqualTo(json.readTree("{\"id\":\"i-1\",\"item\":\"lamp\",\"quantity\":4,\"tags\":[\"a\",\"b\"]}"));

		HttpRequest save = HttpRequest.newBuilder(URI.create(sidecar.httpEndpoint() + "/v1.0/state/" + store))
			.POST(HttpRequest.BodyPublishers
				.ofString("[{\"key\":\"from-http\",\"value\":{\"id\":\"h-1\",\"item\":\"mug\",\"quantity\":1,\"tags\":[]}}]"))
			.header("Content-Type", "application/json")
			.build();
		assertThat(http.send(save, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
		assertThat(state.get("from-http", Order.class)).contains(new Order("h-1", "mug", 1, List.of()));
	}

	@Test
	void queriesRunOnAStoreWithTheQueryApi() {
		StateOperations state = dapr.state("postgres");
		for (int i = 1; i <= 5; i++) {
			state.save("q-" + i, new Order("q-" + i, (i % 2 == 0) ? "even" : "odd", i, List.of()));
		}
		Map<String, Object> query = Map.of("filter", Map.of("EQ", Map.of("item", "odd")), "sort",
				List.of(Map.of("key", "quantity", "order", "DESC")), "page", Map.of("limit", 2));
		QueryResult<Order> first = state.query(query, Order.class);
		assertThat(first.results()).extracting((e) -> e.value().quantity()).containsExactly(5, 3);
		assertThat(first.hasNext()).isTrue();
		Map<String, Object> next = Map.of("filter", Map.of("EQ", Map.of("item", "odd")), "sort",
				List.of(Map.of("key", "quantity", "order", "DESC")), "page", Map.of("limit", 2, "token", first.token()));
		QueryResult<Order> second = state.query(next, Order.class);
		assertThat(second.results()).extracting((e) -> e.value().quantity()).containsExactly(1);
	}

	@Test
	void aQueryOnAStoreWithoutTheQueryApiSaysWhatIsMissing() {
		assertThatExceptionOfType(DaprUnsupportedOperationException.class)
			.isThrownBy(() -> dapr.state("memory").query("{\"filter\":{}}", Order.class))
			.withMessageContaining("'memory' is state.in-memory/v1 with capabilities")
			.withMessageContaining("QUERY_API");
	}

	@Test
	void anUnknownStoreIsNamedWithTheStoresTheSidecarHas() {
		assertThatExceptionOfType(DaprComponentNotFoundException.class)
			.isThrownBy(() -> dapr.state("orders").save("k", "v"))
			.withMessageContaining("No state store named 'orders'")
			.withMessageContaining("memory (state.in-memory)")
			.withMessageContaining("redis (state.redis)")
			.withMessageContaining("postgres (state.postgresql)");
	}

	@Test
	void metadataDescribesTheStoresAndTheirCapabilities() {
		SidecarMetadata metadata = dapr.metadata();
		assertThat(metadata.appId()).isEqualTo("state-tests");
		assertThat(metadata.runtimeVersion()).isEqualTo(System.getProperty("daprd.version", "1.18.2"));
		assertThat(metadata.component("postgres")).hasValueSatisfying((c) -> {
			assertThat(c.type()).isEqualTo("state.postgresql");
			assertThat(c.hasCapability("QUERY_API")).isTrue();
		});
		assertThat(metadata.component("memory")).hasValueSatisfying(
				(c) -> assertThat(c.capabilities()).contains("ETAG", "TRANSACTIONAL", "TTL").doesNotContain("QUERY_API"));
		assertThat(metadata.appConnection()).isNull();
		assertThat(metadata.actorRuntimeStatus()).isEqualTo("DISABLED");
	}

	@Test
	void emptyKeysAreRejectedBeforeAnyCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> dapr.state().save("", "v"))
			.withMessageContaining("State key must not be empty (state store 'memory')");
		assertThatIllegalArgumentException().isThrownBy(() -> dapr.state().get("a||b", String.class))
			.withMessageContaining("'||'");
	}

	private static String httpGet(String store, String key) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(sidecar.httpEndpoint() + "/v1.0/state/" + store + "/" + key))
			.build();
		return new String(http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8);
	}

}
