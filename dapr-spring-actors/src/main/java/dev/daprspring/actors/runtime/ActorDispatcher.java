package dev.daprspring.actors.runtime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Base64;

import com.google.protobuf.ByteString;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.actors.observation.ActorTurnObservationContext;
import dev.daprspring.actors.observation.ActorTurnObservationConvention;
import dev.daprspring.actors.observation.DefaultActorTurnObservationConvention;
import dev.daprspring.actors.runtime.ActorActivations.Activation;
import dev.daprspring.actors.state.TurnStateManager;
import dev.daprspring.core.convert.DaprValueConverter;
import org.springframework.core.NestedExceptionUtils;

/**
 * Runs one call of an actor method as a turn: the argument read from JSON, the method
 * invoked on the actor's activation, its state changes saved in one transaction if it
 * returned and dropped if it threw, the result written as JSON.
 */
public final class ActorDispatcher {

	private final ActorTypes types;

	private final ActorActivations activations;

	private final DaprValueConverter converter;

	private static final ActorTurnObservationConvention DEFAULT_CONVENTION = new DefaultActorTurnObservationConvention();

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable ActorTurnObservationConvention observationConvention;

	public ActorDispatcher(ActorTypes types, ActorActivations activations, DaprValueConverter converter) {
		this.types = types;
		this.activations = activations;
		this.converter = converter;
	}

	/** Sets the registry turns are observed in; {@link ObservationRegistry#NOOP} by default. */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	/** Sets a convention to use instead of {@link DefaultActorTurnObservationConvention}. */
	public void setObservationConvention(@Nullable ActorTurnObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	public ActorTypes types() {
		return this.types;
	}

	public ActorActivations activations() {
		return this.activations;
	}

	/**
	 * Calls the method.
	 * @return the result as JSON, empty for none
	 * @throws UnknownActorException for a type or method this application does not have
	 * @throws ActorMethodFailure when the method throws
	 */
	public ByteString invoke(String typeName, String actorId, String methodName, ByteString body) {
		return invoke(typeName, actorId, methodName, body, ActorCallChain.entering(typeName, actorId, null, null));
	}

	/**
	 * Calls the method as part of this chain of calls, which proxies called from the method
	 * pass on.
	 * @return the result as JSON, empty for none
	 * @throws UnknownActorException for a type or method this application does not have
	 * @throws ActorMethodFailure when the method throws
	 */
	public ByteString invoke(String typeName, String actorId, String methodName, ByteString body,
			ActorCallChain chain) {
		return call(typeName, actorId, methodName, body, chain, "call");
	}

	private ByteString call(String typeName, String actorId, String methodName, ByteString body, ActorCallChain chain,
			String trigger) {
		ActorType type = type(typeName);
		Method method = type.methods().get(methodName);
		if (method == null) {
			throw new UnknownActorException("Actor type " + typeName + " has no method " + methodName
					+ "; its methods are " + type.methods().keySet());
		}
		return turn(type, actorId, method, body, chain, trigger);
	}

	/** Calls the {@code @DaprReminder} method of this reminder with the data of daprd's callback body. */
	public void remind(String typeName, String actorId, String reminder, ByteString body) {
		ActorType type = type(typeName);
		Method method = type.reminders().get(reminder);
		if (method == null) {
			throw new UnknownActorException("Actor type " + typeName + " has no @DaprReminder(\"" + reminder
					+ "\") method; its reminders are " + type.reminders().keySet());
		}
		turn(type, actorId, method, callbackData(this.converter.getJsonMapper().readTree(body.toByteArray())),
				ActorCallChain.entering(typeName, actorId, null, null), "reminder");
	}

	/** Calls the method a timer names in daprd's callback body, with the timer's data. */
	public void timer(String typeName, String actorId, ByteString body) {
		JsonNode callback = this.converter.getJsonMapper().readTree(body.toByteArray());
		call(typeName, actorId, callback.path("callback").asString(), callbackData(callback),
				ActorCallChain.entering(typeName, actorId, null, null), "timer");
	}

	private ActorType type(String typeName) {
		return this.types.find(typeName)
			.orElseThrow(() -> new UnknownActorException("No actor type " + typeName + " is hosted here; the types "
					+ "are " + this.types.names()));
	}

	private ByteString turn(ActorType type, String actorId, Method method, ByteString body, ActorCallChain chain,
			String trigger) {
		ActorTurnObservationContext context = new ActorTurnObservationContext(type.name(), actorId, method.getName(),
				trigger);
		Observation observation = Observation.createNotStarted(this.observationConvention, DEFAULT_CONVENTION,
				() -> context, this.observationRegistry);
		observation.start();
		try (Observation.Scope scope = observation.openScope()) {
			ByteString result = run(type, actorId, method, body, chain);
			context.setOutcome("success");
			return result;
		}
		catch (RuntimeException ex) {
			context.setOutcome("failure");
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private ByteString run(ActorType type, String actorId, Method method, ByteString body, ActorCallChain chain) {
		Object[] arguments = arguments(type, method, body);
		Activation activation = activate(type, actorId);
		TurnStateManager state = activation.state();
		state.begin();
		Object result;
		try {
			result = chain.run(() -> call(method, activation.instance(), arguments));
		}
		catch (RuntimeException ex) {
			state.discard();
			throw ex;
		}
		try {
			state.commit();
		}
		catch (RuntimeException ex) {
			// The caller learns that the method ran but its state changes were dropped, and why.
			throw new ActorMethodFailure(ex.getClass().getName(), "The state changes of " + type.name() + "/" + actorId
					+ " in " + method.getName() + " were not saved: " + ex.getMessage(), ex);
		}
		return (method.getReturnType() == void.class || result == null) ? ByteString.EMPTY
				: this.converter.write(result);
	}

	private static @Nullable Object call(Method method, Object instance, Object[] arguments) {
		try {
			return method.invoke(instance, arguments);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getTargetException();
			throw new ActorMethodFailure(cause.getClass().getName(), String.valueOf(cause.getMessage()), cause);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot call " + method, ex);
		}
	}

	// The constructor, a dependency or an initialisation callback (@PostConstruct) of the actor
	// failed: the caller is told what the actor threw, as for a method that throws.
	private Activation activate(ActorType type, String actorId) {
		try {
			return this.activations.activate(type, actorId);
		}
		catch (RuntimeException ex) {
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
			throw new ActorMethodFailure(cause.getClass().getName(),
					"The actor could not be activated: " + cause.getMessage(), ex);
		}
	}

	// The data of a timer or reminder callback: daprd 1.17.5 hands back the bytes registered over
	// gRPC base64-encoded in a JSON string (measured for timers and reminders); data registered
	// by other clients may arrive as JSON itself.
	private ByteString callbackData(JsonNode callback) {
		JsonMapper json = this.converter.getJsonMapper();
		JsonNode data = callback.path("data");
		if (data.isMissingNode() || data.isNull()) {
			return ByteString.EMPTY;
		}
		if (data.isString()) {
			try {
				return ByteString.copyFrom(Base64.getDecoder().decode(data.asString()));
			}
			catch (IllegalArgumentException notBase64) {
				// A JSON string registered as such.
			}
		}
		return ByteString.copyFrom(json.writeValueAsBytes(data));
	}

	private Object[] arguments(ActorType type, Method method, ByteString body) {
		if (method.getParameterCount() == 0) {
			return new Object[0];
		}
		@Nullable Object argument;
		try {
			argument = body.isEmpty() ? null : this.converter.read(body, method.getGenericParameterTypes()[0]);
		}
		catch (RuntimeException ex) {
			throw new UnknownActorException("The argument of " + type.name() + "." + method.getName() + " is not a "
					+ method.getGenericParameterTypes()[0].getTypeName() + ": " + ex.getMessage());
		}
		return new Object[] { argument };
	}

}
