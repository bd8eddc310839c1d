package dev.daprspring.boot.sidecar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.sidecar.component.DaprComponent;
import org.springframework.util.Assert;
import org.springframework.util.FileSystemUtils;

/**
 * The files daprd reads at start: the generated components in {@code components/} and
 * the {@code Configuration} in {@code config.yaml} of its work folder, beside the user's
 * own resources folders.
 */
final class SidecarResources {

	private final DaprSidecarSettings settings;

	private final Path workDirectory;

	SidecarResources(DaprSidecarSettings settings, Path workDirectory) {
		this.settings = settings;
		this.workDirectory = workDirectory;
	}

	/** The folder holding the generated component files. */
	Path componentsDirectory() {
		return this.workDirectory.resolve("components");
	}

	/** The configuration file daprd is given, or {@code null} when it has none. */
	@Nullable Path configFile() {
		return (this.settings.configuration() != null) ? this.workDirectory.resolve("config.yaml") : null;
	}

	/**
	 * Writes the generated files afresh (a component removed since the last start must
	 * not linger) and returns every folder daprd reads resources from.
	 */
	List<String> write() {
		Path components = componentsDirectory();
		try {
			FileSystemUtils.deleteRecursively(components);
			Files.createDirectories(components);
			for (DaprComponent component : this.settings.components().values()) {
				Files.writeString(components.resolve(component.name() + ".yaml"), component.toYaml());
			}
			Path configFile = configFile();
			if (configFile != null) {
				Files.writeString(configFile, this.settings.configuration());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write daprd's resources to " + components, ex);
		}
		List<String> folders = new ArrayList<>();
		// An empty generated folder is left out when the user brings folders of their own.
		if (!this.settings.components().isEmpty() || this.settings.resourcesPaths().isEmpty()) {
			folders.add(components.toString());
		}
		for (Path path : this.settings.resourcesPaths()) {
			Assert.isTrue(Files.isDirectory(path), () -> "Resources path " + path + " is not a folder");
			folders.add(path.toAbsolutePath().toString());
		}
		return folders;
	}

}
