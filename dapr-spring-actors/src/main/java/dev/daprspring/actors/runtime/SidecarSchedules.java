package dev.daprspring.actors.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.google.protobuf.ByteString;
import io.dapr.v1.DaprActorsProtos.RegisterActorReminderRequest;
import io.dapr.v1.DaprActorsProtos.RegisterActorTimerRequest;
import io.dapr.v1.DaprActorsProtos.UnregisterActorReminderRequest;
import io.dapr.v1.DaprActorsProtos.UnregisterActorTimerRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.actors.ActorSchedules;
import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.convert.GoDurations;
import dev.daprspring.core.convert.DaprValueConverter;
import org.springframework.util.Assert;

/**
 * {@link ActorSchedules} of one actor, registered with the sidecar over gRPC.
 */
final class SidecarSchedules implements ActorSchedules {

	private static final Log logger = LogFactory.getLog(SidecarSchedules.class);

	private final String actorType;

	private final String actorId;

	private final DaprTransport transport;

	private final DaprValueConverter converter;

	// Timers this activation registered: daprd 1.17.5 keeps timers in the scheduler past the
	// activation (and reactivates the actor for them), so they are unregistered at deactivation.
	private final Set<String> timers = ConcurrentHashMap.newKeySet();

	SidecarSchedules(String actorType, String actorId, DaprTransport transport, DaprValueConverter converter) {
		this.actorType = actorType;
		this.actorId = actorId;
		this.transport = transport;
		this.converter = converter;
	}

	@Override
	public void registerTimer(String name, String callback, Duration dueTime, @Nullable Duration period,
			@Nullable Object data) {
		registerTimer(name, callback, dueTime, period, null, data);
	}

	@Override
	public void registerTimer(String name, String callback, Duration dueTime, @Nullable Duration period,
			@Nullable Duration ttl, @Nullable Object data) {
		Assert.hasText(name, "Timer name must not be empty");
		Assert.hasText(callback, "Timer callback must name an actor method");
		RegisterActorTimerRequest.Builder request = RegisterActorTimerRequest.newBuilder()
			.setActorType(this.actorType)
			.setActorId(this.actorId)
			.setName(name)
			.setCallback(callback)
			.setDueTime(goDuration(dueTime))
			.setData(data(data));
		if (period != null) {
			request.setPeriod(goDuration(period));
		}
		if (ttl != null) {
			request.setTtl(goDuration(ttl));
		}
		this.transport.call(DaprCall.write("actors", "timer.register", this.actorType),
				(dapr) -> dapr.registerActorTimer(request.build()));
		this.timers.add(name);
	}

	@Override
	public void unregisterTimer(String name) {
		UnregisterActorTimerRequest request = UnregisterActorTimerRequest.newBuilder()
			.setActorType(this.actorType)
			.setActorId(this.actorId)
			.setName(name)
			.build();
		this.transport.call(DaprCall.write("actors", "timer.unregister", this.actorType),
				(dapr) -> dapr.unregisterActorTimer(request));
		this.timers.remove(name);
	}

	/** Unregisters the timers this activation registered, as it ends. */
	void endTimers() {
		for (String name : List.copyOf(this.timers)) {
			try {
				unregisterTimer(name);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not unregister timer " + name + " of deactivated actor " + this.actorType + "/"
						+ this.actorId + "; it may call the actor again", ex);
			}
		}
	}

	@Override
	public void registerReminder(String name, Duration dueTime, @Nullable Duration period, @Nullable Object data) {
		registerReminder(name, dueTime, period, null, data);
	}

	@Override
	public void registerReminder(String name, Duration dueTime, @Nullable Duration period, @Nullable Duration ttl,
			@Nullable Object data) {
		Assert.hasText(name, "Reminder name must not be empty");
		RegisterActorReminderRequest.Builder request = RegisterActorReminderRequest.newBuilder()
			.setActorType(this.actorType)
			.setActorId(this.actorId)
			.setName(name)
			.setDueTime(goDuration(dueTime))
			.setData(data(data));
		if (period != null) {
			request.setPeriod(goDuration(period));
		}
		if (ttl != null) {
			request.setTtl(goDuration(ttl));
		}
		this.transport.call(DaprCall.write("actors", "reminder.register", this.actorType),
				(dapr) -> dapr.registerActorReminder(request.build()));
	}

	@Override
	public void unregisterReminder(String name) {
		UnregisterActorReminderRequest request = UnregisterActorReminderRequest.newBuilder()
			.setActorType(this.actorType)
			.setActorId(this.actorId)
			.setName(name)
			.build();
		this.transport.call(DaprCall.write("actors", "reminder.unregister", this.actorType),
				(dapr) -> dapr.unregisterActorReminder(request));
	}

	private ByteString data(@Nullable Object data) {
		return (data != null) ? this.converter.write(data) : ByteString.EMPTY;
	}

	private static String goDuration(Duration duration) {
		Assert.isTrue(!duration.isNegative(), () -> "Duration " + duration + " must not be negative");
		return GoDurations.format(duration);
	}

}
