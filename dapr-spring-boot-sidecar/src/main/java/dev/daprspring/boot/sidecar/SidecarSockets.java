package dev.daprspring.boot.sidecar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.util.FileSystemUtils;

/**
 * The folder where a sidecar on Unix domain sockets has daprd create them, and their paths:
 * daprd names them {@code dapr-<app-id>-grpc.socket} and {@code dapr-<app-id>-http.socket}.
 * The folder is short-named under the temporary folder, since a socket path may not exceed
 * 107 bytes on Linux.
 */
final class SidecarSockets {

	// sun_path holds 108 bytes on Linux, the terminating NUL included.
	private static final int MAX_PATH_BYTES = 107;

	private final Path directory;

	private final String appId;

	private SidecarSockets(Path directory, String appId) {
		this.directory = directory;
		this.appId = appId;
	}

	static SidecarSockets create(String appId) {
		Path directory;
		try {
			directory = Files.createTempDirectory("daprd-sockets-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a folder for daprd's Unix domain sockets", ex);
		}
		SidecarSockets sockets = new SidecarSockets(directory, appId);
		int length = sockets.grpcSocket().toString().getBytes(StandardCharsets.UTF_8).length;
		if (length > MAX_PATH_BYTES) {
			FileSystemUtils.deleteRecursively(directory.toFile());
			throw new DaprSidecarException("The Unix domain socket path " + sockets.grpcSocket() + " is " + length
					+ " bytes long, more than the " + MAX_PATH_BYTES + " a socket path may have: use a shorter app id or "
					+ "point java.io.tmpdir at a shorter folder, or turn Unix domain sockets off");
		}
		return sockets;
	}

	/**
	 * Removes sockets a killed daprd left behind, so that the next one can bind them.
	 * @return the folder to give daprd
	 */
	Path prepare() {
		try {
			Files.createDirectories(this.directory);
			Files.deleteIfExists(grpcSocket());
			Files.deleteIfExists(httpSocket());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare " + this.directory + " for daprd's sockets", ex);
		}
		return this.directory;
	}

	Path grpcSocket() {
		return this.directory.resolve("dapr-" + this.appId + "-grpc.socket");
	}

	Path httpSocket() {
		return this.directory.resolve("dapr-" + this.appId + "-http.socket");
	}

	String grpcEndpoint() {
		return "unix:" + grpcSocket();
	}

	String httpEndpoint() {
		return "unix:" + httpSocket();
	}

	void delete() {
		FileSystemUtils.deleteRecursively(this.directory.toFile());
	}

}
