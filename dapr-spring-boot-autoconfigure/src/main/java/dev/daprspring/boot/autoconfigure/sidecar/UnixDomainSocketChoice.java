package dev.daprspring.boot.autoconfigure.sidecar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.daprspring.boot.autoconfigure.sidecar.DaprSidecarProperties.SocketMode;
import org.springframework.util.ClassUtils;

/**
 * Whether a launched daprd serves its APIs on Unix domain sockets
 * ({@code dapr.sidecar.unix-domain-socket}): the client then needs Netty's native epoll
 * transport for gRPC and Jetty's client for HTTP, neither of which the starter brings.
 */
final class UnixDomainSocketChoice {

	private static final Log logger = LogFactory.getLog(UnixDomainSocketChoice.class);

	static final String EPOLL = "io.netty.channel.epoll.Epoll";

	static final String JETTY_CLIENT = "org.eclipse.jetty.client.HttpClient";

	private UnixDomainSocketChoice() {
	}

	// Reflection: this class must load without Netty's epoll classes.
	private static boolean epollRuns(ClassLoader classLoader) {
		try {
			return (Boolean) ClassUtils.forName(EPOLL, classLoader).getMethod("isAvailable").invoke(null);
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			return false;
		}
	}

	static boolean use(SocketMode mode) {
		return use(mode, System.getProperty("os.name", ""), UnixDomainSocketChoice.class.getClassLoader());
	}

	static boolean use(SocketMode mode, String osName, ClassLoader classLoader) {
		if (mode == SocketMode.NEVER) {
			return false;
		}
		List<String> missing = new ArrayList<>();
		if (!ClassUtils.isPresent(EPOLL, classLoader)) {
			missing.add("io.netty:netty-transport-native-epoll (classifier linux-x86_64 or linux-aarch_64)");
		}
		else if (!epollRuns(classLoader)) {
			// The classes without a native file for this CPU (say linux-x86_64 on an ARM machine).
			missing.add("the netty-transport-native-epoll file for this CPU (" + System.getProperty("os.arch")
					+ "; epoll does not load)");
		}
		if (!ClassUtils.isPresent(JETTY_CLIENT, classLoader)) {
			missing.add("org.eclipse.jetty:jetty-client");
		}
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
