package dev.daprspring.boot.sidecar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Finds the {@code daprd} executable: an explicit path, then the {@code DAPRD}
 * environment variable, then {@code ~/.dapr/bin/daprd} (where {@code dapr init --slim}
 * installs it), then the {@code PATH}.
 */
public final class DaprdBinary {

	static final String INSTALL_HINT = "Install it with 'dapr init --slim' (Dapr CLI), or build it with "
			+ "scripts/install-daprd from the dapr-spring-boot repository, or point DAPRD (or "
			+ "dapr.sidecar.binary) at an existing daprd.";

	private DaprdBinary() {
	}

	/**
	 * Returns the daprd to run.
	 * @param explicit a path the user configured, or {@code null}
	 * @return an executable daprd
	 * @throws DaprdNotFoundException naming every place looked at
	 */
	public static Path locate(@Nullable Path explicit) {
		return locate(explicit, System.getenv(), Path.of(System.getProperty("user.home")));
	}

	/**
	 * Returns another Dapr executable ({@code placement}, {@code scheduler}): an explicit
	 * path, else the one in the folder of the daprd {@link #locate(Path)} finds, where
	 * {@code dapr init --slim} and {@code scripts/install-daprd} put them all.
	 * @param name the executable's name
	 * @param explicit a path the user configured, or {@code null}
	 * @return an executable
	 * @throws DaprdNotFoundException naming the places looked at
	 */
	public static Path locateBeside(String name, @Nullable Path explicit) {
		return locateBeside(name, explicit, System.getenv(), Path.of(System.getProperty("user.home")));
	}

	static Path locateBeside(String name, @Nullable Path explicit, Map<String, String> env, Path userHome) {
		if (explicit != null) {
			if (Files.isExecutable(explicit)) {
				return explicit;
			}
			throw new DaprdNotFoundException("The configured " + name + " " + explicit
					+ " does not exist or is not executable. " + INSTALL_HINT, List.of(explicit.toString()));
		}
		Path daprd = locate(null, env, userHome);
		Path beside = daprd.resolveSibling(name);
		if (Files.isExecutable(beside)) {
			return beside;
		}
		throw new DaprdNotFoundException("No " + name + " executable beside " + daprd + ". " + INSTALL_HINT,
				List.of(beside.toString()));
	}

	static Path locate(@Nullable Path explicit, Map<String, String> env, Path userHome) {
		List<String> looked = new ArrayList<>();
		if (explicit != null) {
			if (Files.isExecutable(explicit)) {
				return explicit;
			}
			// A configured path that is wrong is a mistake to report, not to paper over.
			throw new DaprdNotFoundException("The configured daprd " + explicit + " does not exist or is not "
					+ "executable. " + INSTALL_HINT, List.of(explicit.toString()));
		}
		String fromEnv = env.get("DAPRD");
		if (fromEnv != null && !fromEnv.isBlank()) {
			Path path = Path.of(fromEnv);
			if (Files.isExecutable(path)) {
				return path;
			}
			throw new DaprdNotFoundException("DAPRD is set to " + fromEnv + ", which does not exist or is not "
					+ "executable. " + INSTALL_HINT, List.of("DAPRD=" + fromEnv));
		}
		looked.add("DAPRD (not set)");
		Path home = userHome.resolve(".dapr").resolve("bin").resolve("daprd");
		looked.add(home.toString());
		if (Files.isExecutable(home)) {
			return home;
		}
		String pathVariable = env.getOrDefault("PATH", "");
		for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
			if (dir.isBlank()) {
				continue;
			}
			Path candidate = Path.of(dir).resolve("daprd");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		looked.add("PATH (" + pathVariable + ")");
		throw new DaprdNotFoundException("No daprd executable found; looked at " + String.join(", ", looked) + ". "
				+ INSTALL_HINT, looked);
	}

}
