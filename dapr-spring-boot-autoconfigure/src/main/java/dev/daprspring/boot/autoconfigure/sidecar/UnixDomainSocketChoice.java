package dev.daprspring.boot.autoconfigure.sidecar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.daprspring.boot.autoconfigure.sidecar.DaprSidecarProperties.SocketMode;
import dev.daprspring.core.client.UnixSocketEndpoint;

/**
 * Whether a launched daprd serves its APIs on Unix domain sockets
 * ({@code dapr.sidecar.unix-domain-socket}): the client then needs Netty's native epoll
 * transport for gRPC and Jetty's client for HTTP, neither of which the starter brings.
 */
final class UnixDomainSocketChoice {

	private static final Log logger = LogFactory.getLog(UnixDomainSocketChoice.class);

	private UnixDomainSocketChoice() {
	}

	static boolean use(SocketMode mode) {
		return use(mode, System.getProperty("os.name", ""), UnixDomainSocketChoice.class.getClassLoader());
	}

	static boolean use(SocketMode mode, String osName, ClassLoader classLoader) {
		if (mode == SocketMode.NEVER) {
			return false;
		}
		List<String> missing = UnixSocketEndpoint.missingLibraries(classLoader);
		boolean linux = osName.toLowerCase(Locale.ROOT).startsWith("linux");
		if (mode == SocketMode.ALWAYS) {
			List<String> problems = new ArrayList<>();
			if (!linux) {
				problems.add("Linux (this is " + osName + ")");
			}
			if (!missing.isEmpty()) {
				problems.add("on the classpath " + String.join(" and ", missing));
			}
			if (!problems.isEmpty()) {
				throw new IllegalStateException("dapr.sidecar.unix-domain-socket=always needs "
						+ String.join(", and ", problems) + "; or set it to auto (sockets when possible) or never (TCP)");
			}
			return true;
		}
		boolean use = linux && missing.isEmpty();
		if (use) {
			logger.debug("Launching daprd on Unix domain sockets (dapr.sidecar.unix-domain-socket=auto)");
		}
		return use;
	}

}
