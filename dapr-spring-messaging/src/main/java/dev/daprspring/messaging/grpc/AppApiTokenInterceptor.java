package dev.daprspring.messaging.grpc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import io.dapr.v1.AppCallbackGrpc;
import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * Rejects calls that do not carry the app API token in {@value #HEADER} metadata with
 * {@code UNAUTHENTICATED}, before any handler runs; daprd sends it when it runs with
 * {@code APP_API_TOKEN}. Logs the method only, never the message. Methods daprd calls
 * without the token can be left open (see {@link #OPEN_CALLBACKS}).
 */
public class AppApiTokenInterceptor implements ServerInterceptor {

	/** The metadata key daprd sends the app API token in. */
	public static final String HEADER = "dapr-api-token";

	private static final Metadata.Key<String> TOKEN = Metadata.Key.of(HEADER, Metadata.ASCII_STRING_MARSHALLER);

	private static final Log logger = LogFactory.getLog(AppApiTokenInterceptor.class);

	/**
	 * The {@code AppCallback} methods daprd 1.17 calls without the token: the listings it
	 * reads at startup, which carry no event data. Every event (topic, bulk, binding,
	 * invocation) arrives with the token.
	 */
	public static final Set<String> OPEN_CALLBACKS = Set.of(
			AppCallbackGrpc.getListTopicSubscriptionsMethod().getFullMethodName(),
			AppCallbackGrpc.getListInputBindingsMethod().getFullMethodName());

	private final byte[] expected;

	private final Set<String> open;

	/** Checks every method. */
	public AppApiTokenInterceptor(String token) {
		this(token, Set.of());
	}

	/**
	 * @param open full names of methods admitted without the token, for example
	 * {@link #OPEN_CALLBACKS}
	 */
	public AppApiTokenInterceptor(String token, Set<String> open) {
		Assert.hasLength(token, "The app API token must not be empty");
		this.expected = token.getBytes(StandardCharsets.UTF_8);
		this.open = Set.copyOf(open);
	}

	/** The service with every call checked by this interceptor. */
	public BindableService protect(BindableService service) {
		ServerServiceDefinition definition = ServerInterceptors.intercept(service, this);
		return () -> definition;
	}

	@Override
	public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
			ServerCallHandler<Q, R> next) {
		if (this.open.contains(call.getMethodDescriptor().getFullMethodName())) {
			return next.startCall(call, headers);
		}
		String token = headers.get(TOKEN);
		// Compared in constant time, so the answer's timing does not reveal the token.
		if (token != null && MessageDigest.isEqual(this.expected, token.getBytes(StandardCharsets.UTF_8))) {
			return next.startCall(call, headers);
		}
		String problem = (token != null) ? "its " + HEADER + " metadata does not match"
				: "it has no " + HEADER + " metadata";
		logger.warn("Rejected a call to " + call.getMethodDescriptor().getFullMethodName() + ": " + problem
				+ " the app API token (dapr.app.api-token / APP_API_TOKEN) the sidecar must send");
		call.close(Status.UNAUTHENTICATED.withDescription("The call has no valid " + HEADER
				+ "; only the application's Dapr sidecar may call it"), new Metadata());
		return new ServerCall.Listener<>() {
		};
	}

}
