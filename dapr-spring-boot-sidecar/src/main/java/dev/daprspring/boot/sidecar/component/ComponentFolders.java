package dev.daprspring.boot.sidecar.component;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads what daprd will read from folders of component files: the state stores and which
 * of them, if any, holds actor state ({@code actorStateStore: "true"}). Files that are not
 * YAML or hold other kinds of documents are skipped, as daprd skips them.
 */
public final class ComponentFolders {

	private ComponentFolders() {
	}

	/**
	 * The state stores declared in these folders.
	 * @param folders the resources paths given to daprd
	 * @return one entry per {@code state.*} component
	 */
	public static List<StateStore> stateStores(List<Path> folders) {
		List<StateStore> stores = new ArrayList<>();
		for (Path folder : folders) {
			for (Path file : yamlFiles(folder)) {
				for (Object document : documents(file)) {
					StateStore store = stateStore(document, file);
					if (store != null) {
						stores.add(store);
					}
				}
			}
		}
		return stores;
	}

	private static List<Path> yamlFiles(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((file) -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list component files in " + folder, ex);
		}
	}

	private static List<Object> documents(Path file) {
		List<Object> documents = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(file)) {
			new Yaml().loadAll(reader).forEach(documents::add);
		}
		catch (IOException | YAMLException ex) {
			// daprd reports files it cannot read itself.
			return List.of();
		}
		return documents;
	}

	private static @Nullable StateStore stateStore(Object document, Path file) {
		if (!(document instanceof Map<?, ?> map) || !"Component".equals(map.get("kind"))
				|| !(map.get("metadata") instanceof Map<?, ?> meta) || !(map.get("spec") instanceof Map<?, ?> spec)
				|| !(spec.get("type") instanceof String type) || !type.startsWith("state.")) {
			return null;
		}
		boolean actors = false;
		if (spec.get("metadata") instanceof List<?> items) {
			for (Object item : items) {
				if (item instanceof Map<?, ?> entry && "actorStateStore".equals(entry.get("name"))) {
					actors = "true".equalsIgnoreCase(String.valueOf(entry.get("value")));
				}
			}
		}
		return new StateStore(String.valueOf(meta.get("name")), type, actors, file);
	}

	/**
	 * One state store component.
	 *
	 * @param name its name
	 * @param type its type, for example {@code state.redis}
	 * @param actorStateStore whether it holds actor state
	 * @param file the file declaring it
	 */
	public record StateStore(String name, String type, boolean actorStateStore, Path file) {

	}

}
