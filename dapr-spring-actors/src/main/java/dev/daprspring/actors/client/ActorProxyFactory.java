package dev.daprspring.actors.client;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Predicate;

import com.google.protobuf.ByteString;
import io.dapr.v1.DaprActorsProtos.InvokeActorRequest;
import io.dapr.v1.DaprActorsProtos.InvokeActorResponse;
import io.grpc.StatusRuntimeException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.daprspring.actors.annotation.DaprActor;
import dev.daprspring.actors.runtime.ActorType;
import dev.daprspring.actors.runtime.ActorCallChain;
import dev.daprspring.actors.runtime.ActorTypes;
import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.convert.DaprValueConverter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;

/**
 * Typed clients of actors: a proxy of the actor's interface whose calls go through the
 * sidecar's {@code InvokeActor}, arguments and results as JSON through the application's
 * {@code JsonMapper}. Any application instance may call any actor, wherever it is active.
 *
 * <pre class="code">
 * CartActor cart = actors.proxy(CartActor.class, "cart-42");
 * cart.add(new Item("book", 2));
 * </pre>
 */
public final class ActorProxyFactory {

	private final DaprTransport transport;

	private final DaprValueConverter converter;

	private final ActorTypes localTypes;

	private final Predicate<String> reentrant;

	public ActorProxyFactory(DaprTransport transport, DaprValueConverter converter, ActorTypes localTypes) {
		this(transport, converter, localTypes, (type) -> false);
	}

	/**
	 * @param reentrant whether reentrancy is on for a type this application hosts; a call
	 * back into a chain of calls is refused for the hosted types without it
	 */
	public ActorProxyFactory(DaprTransport transport, DaprValueConverter converter, ActorTypes localTypes,
			Predicate<String> reentrant) {
		this.transport = transport;
		this.converter = converter;
		this.localTypes = localTypes;
		this.reentrant = reentrant;
	}

	/**
	 * A proxy of the actor with this id, of the type named by {@code @DaprActor} on the
	 * interface or, failing that, of the one type this application hosts that implements it.
	 */
	public <T> T proxy(Class<T> contract, String actorId) {
		return proxy(contract, typeOf(contract), actorId);
	}

	/** A proxy of the actor of this type and id. */
	public <T> T proxy(Class<T> contract, String actorType, String actorId) {
		Assert.isTrue(contract.isInterface(), () -> contract.getName() + " is not an interface; actor proxies "
				+ "implement the actor's interface");
		Assert.hasText(actorType, "Actor type must not be empty");
		Assert.hasText(actorId, "Actor id must not be empty");
		InvocationHandler handler = (proxy, method, arguments) -> handle(actorType, actorId, method, arguments);
		return contract.cast(Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[] { contract }, handler));
	}

	private String typeOf(Class<?> contract) {
		DaprActor annotation = AnnotatedElementUtils.findMergedAnnotation(contract, DaprActor.class);
		if (annotation != null) {
			return annotation.value();
		}
		ActorType local = this.localTypes.implementing(contract);
		Assert.state(local != null, () -> "Cannot tell the actor type of " + contract.getName()
				+ ": annotate it with @DaprActor(\"<type>\") or call proxy(" + contract.getSimpleName()
				+ ".class, \"<type>\", id)");
		return local.name();
	}

	private @Nullable Object handle(String actorType, String actorId, Method method, Object @Nullable [] arguments) {
		if (method.getDeclaringClass() == Object.class) {
			return switch (method.getName()) {
				case "toString" -> "ActorProxy[" + actorType + "/" + actorId + "]";
				case "hashCode" -> (actorType + "/" + actorId).hashCode();
				case "equals" -> arguments != null && arguments[0] != null && Proxy.isProxyClass(arguments[0].getClass())
						&& arguments[0].toString().equals("ActorProxy[" + actorType + "/" + actorId + "]");
				default -> throw new UnsupportedOperationException(method.getName());
			};
		}
		Assert.state(arguments == null || arguments.length <= 1, () -> "Actor method " + method.getName()
				+ " takes " + arguments.length + " arguments; an actor method takes at most one");
		ByteString data = (arguments == null || arguments.length == 0 || arguments[0] == null) ? ByteString.EMPTY
				: this.converter.write(arguments[0]);
		InvokeActorRequest.Builder builder = InvokeActorRequest.newBuilder()
			.setActorType(actorType)
			.setActorId(actorId)
			.setMethod(method.getName())
			.setData(data);
		ActorCallChain chain = ActorCallChain.current();
		if (chain != null) {
			passOn(chain, actorType, actorId, builder);
		}
		InvokeActorRequest request = builder.build();
		InvokeActorResponse response = this.transport.call(DaprCall.write("actors", "invoke", actorType), (dapr) -> {
			try {
				return dapr.invokeActor(request);
			}
			catch (StatusRuntimeException ex) {
				DaprActorInvocationException thrown = actorFailure(actorType, actorId, method.getName(), ex);
				if (thrown != null) {
					throw thrown;
				}
				throw ex;
			}
		});
		if (method.getReturnType() == void.class || response.getData().isEmpty()) {
			return null;
		}
		return this.converter.read(response.getData(), method.getGenericReturnType());
	}

	// A call made from inside an actor method carries the chain of calls on, for reentrancy.
	private void passOn(ActorCallChain chain, String actorType, String actorId, InvokeActorRequest.Builder request) {
		if (chain.contains(actorType, actorId) && this.localTypes.find(actorType).isPresent()
				&& !this.reentrant.test(actorType)) {
			throw new DaprActorReentrancyException(actorType, actorId, chain.actors());
		}
		request.putMetadata(ActorCallChain.CALLERS, chain.callersHeader());
		if (chain.reentrancyId() != null) {
			request.putMetadata(ActorCallChain.REENTRANCY_ID, chain.reentrancyId());
		}
	}

	// The actor's application answered with the error document of its actor servlet.
	private @Nullable DaprActorInvocationException actorFailure(String actorType, String actorId, String method,
			StatusRuntimeException ex) {
		String description = ex.getStatus().getDescription();
		if (description == null) {
			return null;
		}
		if (description.contains("did not find address for actor")) {
			return new DaprActorTypeNotFoundException(actorType, actorId, description, this.localTypes.names());
		}
		int start = description.indexOf("{\"errorCode\":\"ERR_ACTOR_");
		if (start < 0) {
			return null;
		}
		try {
			JsonNode error = this.converter.getJsonMapper().readTree(description.substring(start));
			String message = error.path("message").asString();
			if ("ERR_ACTOR_UNKNOWN".equals(error.path("errorCode").asString())) {
				return new DaprActorInvocationException("Actor " + actorType + "/" + actorId + " cannot run " + method
						+ ": " + message, actorType, actorId, "dev.daprspring.actors.runtime.UnknownActorException");
			}
			return new DaprActorInvocationException(actorType, actorId, method, error.path("type").asString(),
					message);
		}
		catch (RuntimeException parseFailure) {
			return null;
		}
	}

}
