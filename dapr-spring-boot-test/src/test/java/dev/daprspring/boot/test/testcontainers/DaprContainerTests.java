package dev.daprspring.boot.test.testcontainers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Network;
import org.testcontainers.utility.DockerImageName;
import org.yaml.snakeyaml.Yaml;

import dev.daprspring.boot.sidecar.component.DaprComponent;
import dev.daprspring.boot.sidecar.component.DaprComponents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * What the container will run, without a Docker engine: nothing here creates a container.
 */
class DaprContainerTests {

	@Test
	void runsDaprdWithFixedPortsAndTheComponentsFolder() {
		DaprContainer dapr = new DaprContainer().withAppId("orders")
			.withComponent(DaprComponents.inMemoryState("statestore"));
		dapr.applySettings();
		assertThat(dapr.getCommandParts()).containsExactly("./daprd", "--app-id", "orders",
				"--dapr-listen-addresses", "0.0.0.0", "--dapr-http-port", "3500", "--dapr-grpc-port", "50001",
				"--metrics-port", "9090", "--log-level", "info", "--resources-path", "/dapr/components");
		assertThat(DaprContainer.DEFAULT_IMAGE.asCanonicalNameString()).isEqualTo("daprio/daprd:1.18.2");
		assertThat(dapr.getExposedPorts()).containsExactly(3500, 50001, 9090);
		assertThat(dapr.getEnvMap()).doesNotContainKeys("DAPR_API_TOKEN", "APP_API_TOKEN");
	}

	@Test
	void withoutComponentsNoResourcesPathIsPassed() {
		DaprContainer dapr = new DaprContainer();
		assertThat(dapr.commandLine()).containsSequence("--app-id", "dapr-app").doesNotContain("--resources-path");
		assertThat(dapr.resourceFiles()).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void copiesEachComponentAsAYamlFileNamedAfterIt() {
		DaprComponent state = DaprComponents.inMemoryState("statestore");
		DaprContainer dapr = new DaprContainer().withComponent(state)
			.withComponent(DaprComponents.inMemoryPubSub("pubsub"));
		Map<String, String> files = dapr.resourceFiles();
		assertThat(files).containsOnlyKeys("/dapr/components/statestore.yaml", "/dapr/components/pubsub.yaml");
		assertThat(files.get("/dapr/components/statestore.yaml")).isEqualTo(state.toYaml());
		Map<String, Object> document = new Yaml().load(files.get("/dapr/components/statestore.yaml"));
		assertThat(document).containsEntry("kind", "Component").containsEntry("metadata", Map.of("name", "statestore"));
		assertThat((Map<String, Object>) document.get("spec")).containsEntry("type", "state.in-memory");
	}

	@Test
	void aLaterComponentWithTheSameNameReplacesTheEarlierOne() {
		DaprContainer dapr = new DaprContainer().withComponent(DaprComponents.inMemoryState("statestore"))
			.withComponent(DaprComponents.redisState("statestore", "redis:6379"));
		assertThat(dapr.getComponents()).extracting(DaprComponent::type).containsExactly("state.redis");
		assertThat(dapr.resourceFiles().get("/dapr/components/statestore.yaml")).contains("state.redis");
	}

	@Test
	void aConfigurationIsCopiedBesideTheComponentsAndPassedWithConfig() {
		String configuration = """
				apiVersion: dapr.io/v1alpha1
				kind: Configuration
				metadata:
				  name: tracing
				spec:
				  tracing:
				    samplingRate: "1"
				""";
		DaprContainer dapr = new DaprContainer().withConfiguration(configuration);
		assertThat(dapr.resourceFiles()).containsExactly(Map.entry("/dapr/config.yaml", configuration));
		assertThat(dapr.commandLine()).containsSequence("--config", "/dapr/config.yaml");
	}

	@Test
	void apiTokensAreGivenAsEnvironmentVariables() {
		DaprContainer dapr = new DaprContainer().withApiToken("s3cret").withAppApiToken("app-s3cret");
		dapr.applySettings();
		assertThat(dapr.getEnvMap()).containsEntry("DAPR_API_TOKEN", "s3cret")
			.containsEntry("APP_API_TOKEN", "app-s3cret");
		assertThat(dapr.getApiToken()).isEqualTo("s3cret");
	}

	@Test
	void anAppOnTheHostIsReachedThroughTheTestcontainersHostAlias() {
		DaprContainer dapr = new DaprContainer().withAppPort(8080).withAppProtocol("grpc");
		List<String> command = dapr.commandLine();
		assertThat(command).containsSequence("--app-port", "8080", "--app-channel-address",
				"host.testcontainers.internal");
		assertThat(command).containsSequence("--app-protocol", "grpc");
		assertThat(dapr.getAppPort()).isEqualTo(8080);
	}

	@Test
	void anAppHealthCheckIsProbedEverySecond() {
		DaprContainer dapr = new DaprContainer().withAppPort(8080).withAppHealthCheck("/actuator/health/liveness");
		assertThat(dapr.commandLine()).containsSequence("--enable-app-health-check", "--app-health-check-path",
				"/actuator/health/liveness", "--app-health-probe-interval", "1");
		assertThat(new DaprContainer().commandLine()).doesNotContain("--enable-app-health-check");
		assertThatIllegalArgumentException().isThrownBy(() -> dapr.withAppHealthCheck("actuator/health"))
			.withMessageContaining("must start with '/'");
	}

	@Test
	void logLevelAndExtraArgumentsAreAppended() {
		DaprContainer dapr = new DaprContainer().withLogLevel("debug").withDaprArguments("--enable-api-logging");
		assertThat(dapr.commandLine()).containsSequence("--log-level", "debug").endsWith("--enable-api-logging");
	}

	@Test
	void applyingTheSameSettingsTwiceIsFineButChangingFilesAfterwardsIsNot() {
		DaprContainer dapr = new DaprContainer().withComponent(DaprComponents.inMemoryState("statestore"));
		dapr.applySettings();
		dapr.applySettings();
		dapr.withComponent(DaprComponents.redisState("statestore", "redis:6379"));
		assertThatIllegalStateException().isThrownBy(dapr::applySettings).withMessageContaining("statestore.yaml");
	}

	@Test
	void rejectsAnAppIdWithDotsAndImagesOtherThanDaprd() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DaprContainer().withAppId("my.app"));
		assertThatIllegalStateException().isThrownBy(() -> new DaprContainer("redis:7"))
			.withMessageContaining("daprio/daprd");
		DockerImageName mirror = DockerImageName.parse("ghcr.io/dapr/daprd:1.17.13")
			.asCompatibleSubstituteFor("daprio/daprd");
		assertThatNoException().isThrownBy(() -> new DaprContainer(mirror));
	}

	@Test
	void controlPlaneContainersAreOnlyAddedWhenAskedAndShareOneNetwork() {
		DaprContainer alone = new DaprContainer();
		assertThat(alone.commandLine()).doesNotContain("--placement-host-address", "--scheduler-host-address");
		assertThat(alone.getDependencies()).isEmpty();
		assertThat(alone.getNetwork()).isNull();

		DaprPlacementContainer placement = new DaprPlacementContainer();
		DaprSchedulerContainer scheduler = new DaprSchedulerContainer().withAlias("jobs");
		DaprContainer dapr = new DaprContainer().withPlacement(placement).withScheduler(scheduler);
		assertThat(dapr.commandLine()).containsSequence("--placement-host-address", "placement:50005")
			.containsSequence("--scheduler-host-address", "jobs:50006");
		assertThat(dapr.getDependencies()).containsExactlyInAnyOrder(placement, scheduler);
		assertThat(dapr.getNetwork()).isNotNull().isSameAs(placement.getNetwork()).isSameAs(scheduler.getNetwork());
		assertThat(scheduler.getNetworkAliases()).containsExactly("jobs");
	}

	@Test
	void aControlPlaneContainerOnAnotherNetworkIsRefused() {
		try (Network one = Network.newNetwork(); Network other = Network.newNetwork()) {
			DaprContainer dapr = new DaprContainer().withNetwork(one);
			assertThatIllegalStateException()
				.isThrownBy(() -> dapr.withPlacement(new DaprPlacementContainer().withNetwork(other)))
				.withMessageContaining("daprio/placement:1.18.2 is on another network");
		}
	}

	@Test
	void controlPlaneCommandLines() {
		assertThat(new DaprPlacementContainer().withLogLevel("debug").commandLine()).containsExactly("./placement",
				"--port", "50005", "--healthz-port", "8080", "--log-level", "debug");
		assertThat(new DaprSchedulerContainer().commandLine()).containsExactly("./scheduler", "--port", "50006",
				"--healthz-port", "8080", "--listen-address", "0.0.0.0", "--etcd-data-dir", "/var/lib/dapr/scheduler",
				"--log-level", "info");
		assertThatIllegalStateException().isThrownBy(() -> new DaprSchedulerContainer(DockerImageName.parse("redis:7")))
			.withMessageContaining("daprio/scheduler");
	}

	@Test
	void theDefaultImagesAreTheDaprVersionTheProjectBuilds() throws Exception {
		// tools/daprd/go.mod pins the daprd that scripts/install-daprd builds and the process tests run.
		Path goMod = Path.of("..", "tools", "daprd", "go.mod");
		String pinned = Files.readAllLines(goMod)
			.stream()
			.map(String::trim)
			.filter((line) -> line.startsWith("github.com/dapr/dapr "))
			.map((line) -> line.split("\\s+")[1].substring(1))
			.findFirst()
			.orElseThrow();
		assertThat(DaprImages.VERSION).isEqualTo(pinned);
		assertThat(DaprImages.DAPRD).isEqualTo("daprio/daprd:" + pinned);
		assertThat(DaprImages.PLACEMENT).isEqualTo("daprio/placement:" + pinned);
		assertThat(DaprImages.SCHEDULER).isEqualTo("daprio/scheduler:" + pinned);
	}

}
