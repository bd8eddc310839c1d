package dev.daprspring.boot.autoconfigure.actors.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import dev.daprspring.actors.observation.ActorTurnObservationContext;

/** Keeps the actor turns observed in the application's registry. */
public class TurnRecorder implements ObservationHandler<ActorTurnObservationContext> {

	private final List<ActorTurnObservationContext> stopped = new CopyOnWriteArrayList<>();

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ActorTurnObservationContext;
	}

	@Override
	public void onStop(ActorTurnObservationContext context) {
		this.stopped.add(context);
	}

	public List<ActorTurnObservationContext> stopped() {
		return List.copyOf(this.stopped);
	}

}
