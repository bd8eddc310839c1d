package dev.daprspring.actors.runtime;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The actors a call went through to reach the running actor method, the running one last,
 * and daprd's reentrancy id for the chain when reentrancy is on. The dispatcher makes it
 * current while an actor method runs, so that proxies called from there pass it on in the
 * call's metadata (which daprd hands to the next app as headers).
 */
public final class ActorCallChain {

	/** The header (and call metadata) with daprd's id of a reentrant chain of calls. */
	public static final String REENTRANCY_ID = "Dapr-Reentrancy-Id";

	/** The header (and call metadata) with the actors a call went through, as {@code type/id,...}. */
	public static final String CALLERS = "Dapr-Spring-Actor-Callers";

	private static final ThreadLocal<ActorCallChain> current = new ThreadLocal<>();

	private final List<String> actors;

	private final @Nullable String reentrancyId;

	private ActorCallChain(List<String> actors, @Nullable String reentrancyId) {
		this.actors = List.copyOf(actors);
		this.reentrancyId = reentrancyId;
	}

	/** The chain of a call reaching this actor with these headers (either may be absent). */
	public static ActorCallChain entering(String type, String id, @Nullable String callers,
			@Nullable String reentrancyId) {
		List<String> actors = new ArrayList<>();
		if (callers != null && !callers.isEmpty()) {
			Arrays.stream(callers.split(",")).map((actor) -> URLDecoder.decode(actor, StandardCharsets.UTF_8))
				.forEach(actors::add);
		}
		actors.add(name(type, id));
		return new ActorCallChain(actors, (reentrancyId != null && !reentrancyId.isEmpty()) ? reentrancyId : null);
	}

	/** The chain of the actor method running on this thread, if one is. */
	public static @Nullable ActorCallChain current() {
		return current.get();
	}

	/** Runs the work with this chain current on this thread. */
	<T> T run(Supplier<T> work) {
		ActorCallChain outer = current.get();
		current.set(this);
		try {
			return work.get();
		}
		finally {
			if (outer != null) {
				current.set(outer);
			}
			else {
				current.remove();
			}
		}
	}

	/** Whether this actor is in the chain already. */
	public boolean contains(String type, String id) {
		return this.actors.contains(name(type, id));
	}

	/** The actors of the chain, as {@code type/id}, the running one last. */
	public List<String> actors() {
		return this.actors;
	}

	public @Nullable String reentrancyId() {
		return this.reentrancyId;
	}

	/** The value of the {@link #CALLERS} header for a call made from the running actor. */
	public String callersHeader() {
		return String.join(",",
				this.actors.stream().map((actor) -> URLEncoder.encode(actor, StandardCharsets.UTF_8)).toList());
	}

	private static String name(String type, String id) {
		return type + "/" + id;
	}

}
