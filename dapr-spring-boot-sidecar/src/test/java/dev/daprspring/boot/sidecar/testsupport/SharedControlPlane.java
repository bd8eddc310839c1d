package dev.daprspring.boot.sidecar.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.sidecar.controlplane.DaprPlacement;
import dev.daprspring.boot.sidecar.controlplane.DaprScheduler;

/**
 * What several application instances share in a test of many instances: one placement,
 * one scheduler, one Redis, and a components folder whose {@code statestore} is the Redis
 * actor state store. Closing it stops all three.
 */
public final class SharedControlPlane implements AutoCloseable {

	private final LocalRedisServer redis;

	private final DaprPlacement placement;

	private final DaprScheduler scheduler;

	private final Path components;

	private SharedControlPlane(LocalRedisServer redis, DaprPlacement placement, DaprScheduler scheduler,
			Path components) {
		this.redis = redis;
		this.placement = placement;
		this.scheduler = scheduler;
		this.components = components;
	}

	/** Starts Redis, placement and scheduler, and writes the components into {@code folder/components}. */
	public static SharedControlPlane start(Path folder) throws IOException {
		LocalRedisServer redis = LocalRedisServer.start();
		DaprPlacement placement = new DaprPlacement();
		DaprScheduler scheduler = new DaprScheduler();
		try {
			placement.start();
			scheduler.start();
			Path components = Files.createDirectory(folder.resolve("components"));
			Files.writeString(components.resolve("statestore.yaml"),
					DaprComponents.redisState("statestore", redis.address())
						.withMetadata("actorStateStore", "true")
						.toYaml());
			return new SharedControlPlane(redis, placement, scheduler, components);
		}
		catch (IOException | RuntimeException ex) {
			scheduler.close();
			placement.close();
			redis.close();
			throw ex;
		}
	}

	public LocalRedisServer redis() {
		return this.redis;
	}

	public DaprPlacement placement() {
		return this.placement;
	}

	public DaprScheduler scheduler() {
		return this.scheduler;
	}

	/** The folder for {@code dapr.sidecar.resources-paths}. */
	public Path components() {
		return this.components;
	}

	/**
	 * An application's arguments followed by those that put its launched sidecar on these
	 * components and this control plane.
	 */
	public String[] withSidecarArguments(String... arguments) {
		List<String> all = new ArrayList<>(List.of(arguments));
		all.add("--dapr.sidecar.launch=always");
		all.add("--dapr.sidecar.resources-paths=" + this.components);
		all.add("--dapr.sidecar.control-plane.placement-address=" + this.placement.address());
		all.add("--dapr.sidecar.control-plane.scheduler-address=" + this.scheduler.address());
		return all.toArray(String[]::new);
	}

	@Override
	public void close() {
		this.scheduler.close();
		this.placement.close();
		this.redis.close();
	}

}
