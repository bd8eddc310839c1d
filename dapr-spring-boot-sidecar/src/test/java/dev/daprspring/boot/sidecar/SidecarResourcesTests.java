package dev.daprspring.boot.sidecar;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.daprspring.boot.sidecar.component.DaprComponents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The component and configuration files written for daprd.
 */
class SidecarResourcesTests {

	@TempDir
	Path work;

	@Test
	void componentsAndConfigurationAreWrittenIntoTheWorkFolder() throws Exception {
		SidecarResources resources = new SidecarResources(DaprSidecar.builder("app")
			.component(DaprComponents.inMemoryState("statestore"))
			.configuration("kind: Configuration")
			.settings(), this.work);
		assertThat(resources.write()).containsExactly(this.work.resolve("components").toString());
		assertThat(this.work.resolve("components/statestore.yaml")).content().contains("state.in-memory");
		assertThat(resources.configFile()).isEqualTo(this.work.resolve("config.yaml"));
		assertThat(this.work.resolve("config.yaml")).hasContent("kind: Configuration");
	}

	@Test
	void aComponentFromAnEarlierStartDoesNotLinger() throws Exception {
		Path components = Files.createDirectories(this.work.resolve("components"));
		Files.writeString(components.resolve("old.yaml"), "stale");
		new SidecarResources(DaprSidecar.builder("app").component(DaprComponents.inMemoryPubSub("pubsub")).settings(),
				this.work)
			.write();
		assertThat(components.resolve("old.yaml")).doesNotExist();
		assertThat(components.resolve("pubsub.yaml")).exists();
	}

	@Test
	void theUsersFoldersAloneLeaveTheEmptyGeneratedOneOut(@TempDir Path own) {
		SidecarResources resources = new SidecarResources(DaprSidecar.builder("app").resourcesPath(own).settings(),
				this.work);
		assertThat(resources.write()).containsExactly(own.toAbsolutePath().toString());
		assertThat(resources.configFile()).isNull();
	}

	@Test
	void withNothingDaprdStillGetsTheGeneratedFolder() {
		assertThat(new SidecarResources(DaprSidecar.builder("app").settings(), this.work).write())
			.containsExactly(this.work.resolve("components").toString());
	}

	@Test
	void aResourcesPathThatIsNoFolderIsRefused() {
		Path missing = this.work.resolve("missing");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SidecarResources(DaprSidecar.builder("app").resourcesPath(missing).settings(),
					this.work)
				.write())
			.withMessageContaining(missing + " is not a folder");
	}

}
