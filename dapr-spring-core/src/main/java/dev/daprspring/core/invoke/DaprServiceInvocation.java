package dev.daprspring.core.invoke;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.UnixSocketEndpoint;
import dev.daprspring.core.client.UnixSocketHttp;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Calls other Dapr apps through the sidecar's HTTP API: each {@link RestClient} it creates
 * sends every request to {@code /v1.0/invoke/<app-id>/method/<path>} with the API token,
 * and turns the sidecar's own failures into a {@link DaprInvocationException}. Errors of
 * the called app keep their status, as {@code HttpClientErrorException} and
 * {@code HttpServerErrorException}.
 *
 * <pre class="code">
 * RestClient orders = invocation.restClient("orders");
 * Order order = orders.get().uri("/orders/{id}", 42).retrieve().body(Order.class);
 * </pre>
 */
public class DaprServiceInvocation {

	private final DaprClientOptions options;

	private final RestClient.Builder builder;

	/**
	 * Creates clients from copies of the given builder, so its message converters,
	 * interceptors and request factory apply to every app.
	 * @param options where the sidecar is and its API token
	 * @param builder the builder to start from; it is never changed
	 */
	public DaprServiceInvocation(DaprClientOptions options, RestClient.Builder builder) {
		this.options = options;
		this.builder = builder;
	}

	/**
	 * A client whose requests go to the app with the given id. URIs are the app's own
	 * paths, for example {@code /orders/{id}}.
	 * @param appId the Dapr app id, optionally with its namespace ({@code orders.production})
	 * @return a new client
	 */
	public RestClient restClient(String appId) {
		checkAppId(appId);
		RestClient.Builder client = this.builder.clone();
		String base = this.options.httpEndpoint();
		String socket = UnixSocketEndpoint.path(base);
		if (socket != null) {
			client.requestFactory(UnixSocketEndpoint.http(socket).requestFactory());
			base = UnixSocketHttp.BASE_URL;
		}
		client.baseUrl(StringUtils.trimTrailingCharacter(base, '/') + "/v1.0/invoke/" + appId + "/method")
			.requestInterceptor(new SidecarErrorInterceptor(appId, this.options));
		if (this.options.apiToken() != null) {
			client.defaultHeader("dapr-api-token", this.options.apiToken());
		}
		return client.build();
	}

	/**
	 * An implementation of an {@code @HttpExchange} interface whose requests go to the app
	 * with the given id.
	 * @param appId the Dapr app id
	 * @param exchangeInterface the interface
	 * @param <T> the interface type
	 * @return a new client
	 */
	public <T> T httpExchangeClient(String appId, Class<T> exchangeInterface) {
		Assert.isTrue(exchangeInterface.isInterface(),
				() -> exchangeInterface.getName() + " is not an interface: HTTP interface clients are created for "
						+ "interfaces with @HttpExchange methods");
		checkExchangeMethods(exchangeInterface, appId);
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient(appId)))
			.build()
			.createClient(exchangeInterface);
	}

	/** Where the sidecar is and its API token. */
	public DaprClientOptions getOptions() {
		return this.options;
	}

	// The proxy would fail only when such a method is called, without saying why.
	private static void checkExchangeMethods(Class<?> exchangeInterface, String appId) {
		for (Method method : exchangeInterface.getMethods()) {
			Assert.isTrue(!Modifier.isAbstract(method.getModifiers())
					|| AnnotatedElementUtils.hasAnnotation(method, HttpExchange.class),
					() -> exchangeInterface.getName() + "." + method.getName() + "() has no @HttpExchange: annotate it "
							+ "with @GetExchange, @PostExchange... to say which request it sends to app '" + appId
							+ "', or make it a default method");
		}
	}

	private static void checkAppId(String appId) {
		Assert.hasText(appId, "App id must not be empty: pass the Dapr app id of the app to call, for example 'orders'");
		Assert.isTrue(appId.chars().noneMatch((c) -> c == '/' || c == '?' || c == '#' || Character.isWhitespace(c)),
				() -> "App id '" + appId + "' must not contain '/', '?', '#' or spaces: pass the Dapr app id alone, "
						+ "for example 'orders', and the path in the request");
	}

}
