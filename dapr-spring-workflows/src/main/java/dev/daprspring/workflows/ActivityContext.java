package dev.daprspring.workflows;

/**
 * What an activity execution may know about itself.
 *
 * @param activityName the activity's name
 * @param instanceId the workflow instance that called it
 * @param taskExecutionId the same for every attempt of one call (retries included), for
 * making side effects idempotent
 * @param taskId the call's position in the workflow's history
 */
public record ActivityContext(String activityName, String instanceId, String taskExecutionId, int taskId) {
}
