package dev.daprspring.workflows.client;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.workflows.WorkflowFailure;

/**
 * A workflow instance as the sidecar last recorded it. Input, output and custom status
 * are kept as JSON and converted on request with the application's {@code JsonMapper}.
 */
public final class WorkflowInstance {

	private final String instanceId;

	private final String name;

	private final WorkflowStatus status;

	private final @Nullable Instant createdAt;

	private final @Nullable Instant lastUpdatedAt;

	private final @Nullable String inputJson;

	private final @Nullable String outputJson;

	private final @Nullable String customStatusJson;

	private final @Nullable WorkflowFailure failure;

	private final JsonMapper jsonMapper;

	WorkflowInstance(String instanceId, String name, WorkflowStatus status, @Nullable Instant createdAt,
			@Nullable Instant lastUpdatedAt, @Nullable String inputJson, @Nullable String outputJson,
			@Nullable String customStatusJson, @Nullable WorkflowFailure failure, JsonMapper jsonMapper) {
		this.instanceId = instanceId;
		this.name = name;
		this.status = status;
		this.createdAt = createdAt;
		this.lastUpdatedAt = lastUpdatedAt;
		this.inputJson = inputJson;
		this.outputJson = outputJson;
		this.customStatusJson = customStatusJson;
		this.failure = failure;
		this.jsonMapper = jsonMapper;
	}

	public String instanceId() {
		return this.instanceId;
	}

	/** The workflow's name. */
	public String name() {
		return this.name;
	}

	public WorkflowStatus status() {
		return this.status;
	}

	/** When it was scheduled. */
	public @Nullable Instant createdAt() {
		return this.createdAt;
	}

	/** When its history last changed. */
	public @Nullable Instant lastUpdatedAt() {
		return this.lastUpdatedAt;
	}

	/** Why it failed, or {@code null}. */
	public @Nullable WorkflowFailure failure() {
		return this.failure;
	}

	/** The output once completed, converted to the type; {@code null} without one. */
	public <T> @Nullable T output(Class<T> type) {
		return read(this.outputJson, type);
	}

	public <T> @Nullable T input(Class<T> type) {
		return read(this.inputJson, type);
	}

	/** What the workflow last reported with {@code setCustomStatus}. */
	public <T> @Nullable T customStatus(Class<T> type) {
		return read(this.customStatusJson, type);
	}

	/** The output as the JSON it was recorded as, or {@code null}. */
	public @Nullable String outputJson() {
		return this.outputJson;
	}

	private <T> @Nullable T read(@Nullable String json, Class<T> type) {
		if (json == null || json.isEmpty()) {
			return null;
		}
		return this.jsonMapper.readValue(json, type);
	}

	@Override
	public String toString() {
		return "WorkflowInstance[" + this.instanceId + " of '" + this.name + "' " + this.status
				+ ((this.failure != null) ? ", failed with " + this.failure : "") + "]";
	}

}
