package dev.daprspring.boot.autoconfigure.badinput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.test.junit.DaprSidecarExtension;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.convert.DaprConversionException;
import dev.daprspring.core.error.DaprComponentNotFoundException;
import dev.daprspring.core.error.DaprEtagMismatchException;
import dev.daprspring.core.error.DaprInvalidArgumentException;
import dev.daprspring.core.error.DaprUnsupportedOperationException;
import dev.daprspring.core.invoke.DaprInvocationException;
import dev.daprspring.core.pubsub.PublishOptions;
import dev.daprspring.core.state.SaveOptions;
import dev.daprspring.core.state.StateEntry;
import org.springframework.dao.DataAccessException;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Bad calls through {@code DaprTemplate} against a real daprd (in-memory state store and
 * pub/sub, a local-file secret store, a local-storage binding, default max body size 4 MiB).
 */
class BadClientCallIntegrationTests {

	private static final String STORE = "statestore";

	private static Path folder;

	@RegisterExtension
	static DaprSidecarExtension dapr = new DaprSidecarExtension(DaprSidecar.builder("catalogue")
		.component(DaprComponents.inMemoryState(STORE))
		.component(DaprComponents.inMemoryPubSub("pubsub"))
		.component(DaprComponents.localFileSecretStore("vault", secretsFile()))
		.component(DaprComponents.localStorageBinding("files", folder.resolve("files"))));

	private DaprTransport transport;

	private DaprTemplate template;

	private static Path secretsFile() {
		try {
			folder = Files.createTempDirectory("dapr-catalogue");
			Path file = folder.resolve("secrets.json");
			Files.writeString(file, "{\"db-password\":\"s3cret\"}");
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@AfterAll
	static void deleteFolder() {
		FileSystemUtils.deleteRecursively(folder.toFile());
	}

	@BeforeEach
	void storeSentinel() {
		DaprSidecar sidecar = dapr.sidecar();
		this.transport = new DaprTransport(
				DaprClientOptions.of(sidecar.grpcEndpoint(), sidecar.httpEndpoint(), null));
		this.template = new DaprTemplate(this.transport, JsonMapper.builder().build());
		Sentinel.store(this.template, STORE);
	}

	@AfterEach
	void sentinelIsIntact() {
		Sentinel.assertIntact(this.template, STORE);
		this.transport.close();
	}

	@Test
	void unknownStateStoreIsNamedWithTheStoresTheSidecarHas() {
		assertThatExceptionOfType(DaprComponentNotFoundException.class)
			.isThrownBy(() -> this.template.state("orders").save("o-1", "x"))
			.withMessageContaining("No state store named 'orders'")
			.withMessageContaining("it has: statestore (state.in-memory)");
	}

	@Test
	void unknownPubSubIsNamedWithThePubSubsTheSidecarHas() {
		assertThatExceptionOfType(DaprComponentNotFoundException.class)
			.isThrownBy(() -> this.template.pubsub("events").publish("orders", "x"))
			.withMessageContaining("No pub/sub named 'events'")
			.withMessageContaining("it has: pubsub (pubsub.in-memory)");
	}

	@Test
	void unknownBindingIsNamedWithTheBindingsTheSidecarHas() {
		assertThatExceptionOfType(DaprComponentNotFoundException.class)
			.isThrownBy(() -> this.template.bindings().invoke("mailer", "create", "x"))
			.withMessageContaining("'mailer'")
			.withMessageContaining("files (bindings.localstorage)");
	}

	@Test
	void unknownSecretStoreIsNamedWithTheSecretStoresTheSidecarHas() {
		assertThatExceptionOfType(DaprComponentNotFoundException.class)
			.isThrownBy(() -> this.template.secrets("kv").getValue("db-password"))
			.withMessageContaining("'kv'")
			.withMessageContaining("vault (secretstores.local.file)");
	}

	@Test
	void emptyKeyIsRejectedBeforeAnyCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.state().save("", "x"))
			.withMessageContaining("State key must not be empty")
			.withMessageContaining("pass a key such as 'order-1'");
	}

	@Test
	void keyWithDaprsSeparatorIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.state().get("a||b", String.class))
			.withMessageContaining("must not contain '||'");
	}

	@Test
	void keyLongerThanTheSidecarAcceptsIsRejectedNamingTheLimit() {
		String key = "k".repeat(5 * 1024 * 1024);
		DataAccessException ex = catchThrowableOfType(DataAccessException.class,
				() -> this.template.state().save(key, "x"));
		assertThat(ex).isInstanceOf(DaprInvalidArgumentException.class)
			.hasMessageContaining("larger than the sidecar accepts")
			.hasMessageContaining("start daprd with a larger --max-body-size");
	}

	@Test
	void valueAboveTheSidecarsMaxBodySizeIsRejectedNamingTheLimit() {
		byte[] value = new byte[5 * 1024 * 1024];
		DataAccessException ex = catchThrowableOfType(DataAccessException.class,
				() -> this.template.state().save(Sentinel.KEY, value));
		assertThat(ex).isInstanceOf(DaprInvalidArgumentException.class)
			.hasMessageContaining("larger than the sidecar accepts")
			.hasMessageContaining("start daprd with a larger --max-body-size");
	}

	@Test
	void publishAboveTheSidecarsMaxBodySizeIsRejectedNamingTheLimit() {
		DataAccessException ex = catchThrowableOfType(DataAccessException.class,
				() -> this.template.pubsub().publish("orders", new byte[5 * 1024 * 1024]));
		assertThat(ex).isInstanceOf(DaprInvalidArgumentException.class)
			.hasMessageContaining("larger than the sidecar accepts")
			.hasMessageContaining("start daprd with a larger --max-body-size");
	}

	@Test
	void etagFromAnotherKeyDoesNotOverwrite() {
		this.template.state().save("other", "other value");
		String otherEtag = this.template.state().getEntry("other", String.class).etag();
		assertThatExceptionOfType(DaprEtagMismatchException.class)
			.isThrownBy(() -> this.template.state().save(Sentinel.KEY, "overwritten", SaveOptions.ifMatch(otherEtag)))
			.withMessageContaining("nothing was written")
			.withMessageContaining("Read the value again and retry");
	}

	@Test
	void etagFromAnotherKeyDoesNotDelete() {
		this.template.state().save("other", "other value");
		String otherEtag = this.template.state().getEntry("other", String.class).etag();
		assertThatExceptionOfType(DaprEtagMismatchException.class)
			.isThrownBy(() -> this.template.state().delete(Sentinel.KEY, otherEtag))
			.withMessageContaining("the ETag no longer matches");
	}

	@Test
	void staleEtagInATransactionAppliesNothing() {
		StateEntry<Map> sentinel = this.template.state().getEntry(Sentinel.KEY, Map.class);
		this.template.state().save(Sentinel.KEY, Sentinel.VALUE);
		assertThatExceptionOfType(DaprEtagMismatchException.class).isThrownBy(() -> this.template.state()
			.transaction((tx) -> tx.upsert("tx-new", "x").delete(Sentinel.KEY, sentinel.etag())));
		assertThat(this.template.state().get("tx-new", String.class)).isEmpty();
	}

	@Test
	void zeroTtlIsRejectedNamingAnExample() {
		assertThatIllegalArgumentException().isThrownBy(() -> SaveOptions.ttl(Duration.ZERO))
			.withMessageContaining("TTL must be at least one second, for example Duration.ofMinutes(5); got PT0S");
	}

	@Test
	void negativeTtlIsRejectedNamingAnExample() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.template.state()
				.save(Sentinel.KEY, "x", SaveOptions.none().withTtl(Duration.ofSeconds(-5))))
			.withMessageContaining("TTL must be at least one second")
			.withMessageContaining("got PT-5S");
	}

	@Test
	void subSecondPublishTtlIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PublishOptions.none().withTtl(Duration.ofMillis(500)))
			.withMessageContaining("TTL must be at least one second");
	}

	@Test
	void nonSerialisableValueIsRejectedNamingItsType() {
		assertThatExceptionOfType(DaprConversionException.class)
			.isThrownBy(() -> this.template.state().save(Sentinel.KEY, new Opaque()))
			.withMessageContaining("Cannot write " + Opaque.class.getName() + " as JSON")
			.withMessageContaining("serialisable by the application's JsonMapper, or be a String or byte[]");
	}

	@Test
	void queryOnAStoreWithoutTheQueryApiNamesTheCapabilityNeeded() {
		assertThatExceptionOfType(DaprUnsupportedOperationException.class)
			.isThrownBy(() -> this.template.state().query(Map.of("filter", Map.of()), Map.class))
			.withMessageContaining("QUERY_API");
	}

	@Test
	void invokingAnAppIdNoSidecarKnowsNamesTheAppId() {
		DaprInvocationException ex = catchThrowableOfType(DaprInvocationException.class,
				() -> this.template.restClient("no-such-app").get().uri("/x").retrieve().toBodilessEntity());
		assertThat(ex.getAppId()).isEqualTo("no-such-app");
		assertThat(ex).hasMessageContaining("no-such-app");
	}

	@Test
	void missingAppIdIsRejectedWithAnExample() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.restClient(" "))
			.withMessageContaining("App id must not be empty")
			.withMessageContaining("for example 'orders'");
	}

	/** A class Jackson cannot write: its only property throws. */
	static final class Opaque {

		public String getName() {
			throw new IllegalStateException("no name yet");
		}

	}

}
