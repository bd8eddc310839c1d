package dev.daprspring.boot.autoconfigure.actors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.daprspring.boot.autoconfigure.actors.app.CountersApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An application hosting actors, launching daprd with the user's component files of which
 * no state store is marked {@code actorStateStore}: daprd 1.17.5 would start and then crash
 * on the first actor state call, so the launch is refused with what to add, before any
 * process is left running.
 */
class ActorStateStoreMissingIntegrationTests {

	@TempDir
	Path components;

	@Test
	void theLaunchIsRefusedNamingTheStoresAndWhatToAdd() throws IOException {
		Files.writeString(this.components.resolve("statestore.yaml"), """
				apiVersion: dapr.io/v1alpha1
				kind: Component
				metadata:
				  name: statestore
				spec:
				  type: state.in-memory
				  version: v1
				  metadata:
				  - name: actorStateStore
				    value: "false"
				""");
		Files.writeString(this.components.resolve("pubsub.yaml"), """
				apiVersion: dapr.io/v1alpha1
				kind: Component
				metadata:
				  name: pubsub
				spec:
				  type: pubsub.in-memory
				  version: v1
				""");
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(CountersApplication.class).run("--server.port=0",
					"--dapr.sidecar.launch=always", "--dapr.sidecar.resources-paths=" + this.components))
			.withStackTraceContaining("daprd is launched with placement (for actors or workflows), but none of the "
					+ "state stores in dapr.sidecar.resources-paths [" + this.components + "] holds actor state: "
					+ "[statestore (state.in-memory, statestore.yaml)]. Add the metadata item {name: actorStateStore, "
					+ "value: \"true\"} to one transactional state store");
	}

}
