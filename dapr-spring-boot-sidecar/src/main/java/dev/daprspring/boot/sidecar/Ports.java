package dev.daprspring.boot.sidecar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

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

	/**
	 * Distinct ports that were free a moment ago. The sockets are held open together
	 * while choosing, so the system cannot hand out the same port twice.
	 */
	public static int[] free(int count) {
		List<ServerSocket> sockets = new ArrayList<>(count);
		try {
			int[] ports = new int[count];
			for (int i = 0; i < count; i++) {
				ServerSocket socket = new ServerSocket();
				sockets.add(socket);
				socket.setReuseAddress(false);
				socket.bind(new InetSocketAddress("127.0.0.1", 0));
				ports[i] = socket.getLocalPort();
			}
			return ports;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find " + count + " free ports", ex);
		}
		finally {
			for (ServerSocket socket : sockets) {
				try {
					socket.close();
				}
				catch (IOException ex) {
					// Closing a bound, unconnected socket does not fail in practice.
				}
			}
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
