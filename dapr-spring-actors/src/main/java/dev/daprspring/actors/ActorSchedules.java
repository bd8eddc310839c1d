package dev.daprspring.actors;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * An actor's timers and reminders, held by the sidecar. A timer calls an actor method while
 * the actor is active and ends with the activation; a reminder calls the actor's
 * {@link dev.daprspring.actors.annotation.DaprReminder} method, activating it if needed,
 * until it is unregistered (reminders are kept by the scheduler).
 */
public interface ActorSchedules {

	/**
	 * Calls the actor method {@code callback} with {@code data} after {@code dueTime}, then
	 * every {@code period} (once when {@code null}).
	 */
	void registerTimer(String name, String callback, Duration dueTime, @Nullable Duration period,
			@Nullable Object data);

	/**
	 * Like {@link #registerTimer(String, String, Duration, Duration, Object)}, ending after
	 * {@code ttl} (when not {@code null}) even if the actor stays active.
	 */
	void registerTimer(String name, String callback, Duration dueTime, @Nullable Duration period,
			@Nullable Duration ttl, @Nullable Object data);

	void unregisterTimer(String name);

	/**
	 * Calls the {@code @DaprReminder(name)} method with {@code data} after {@code dueTime}, then
	 * every {@code period} (once when {@code null}).
	 */
	void registerReminder(String name, Duration dueTime, @Nullable Duration period, @Nullable Object data);

	/**
	 * Like {@link #registerReminder(String, Duration, Duration, Object)}, dropped by the
	 * scheduler after {@code ttl} (when not {@code null}).
	 */
	void registerReminder(String name, Duration dueTime, @Nullable Duration period, @Nullable Duration ttl,
			@Nullable Object data);

	void unregisterReminder(String name);

}
