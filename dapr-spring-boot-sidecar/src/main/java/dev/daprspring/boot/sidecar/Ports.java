package dev.daprspring.boot.sidecar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Port checks on this machine's loopback interface.
 */
public final class Ports {

	private Ports() {
	}

	/** A port that was free a moment ago; another process may still take it. */
	public static int free() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(false);
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find a free port", ex);
		}
	}

	/** Whether nothing listens on the port, on any local address. */
	public static boolean isAvailable(int port) {
		// Binding the wildcard address fails if anything listens on the port on any
		// address; SO_REUSEADDR ignores connections of a stopped server still in TIME_WAIT.
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
