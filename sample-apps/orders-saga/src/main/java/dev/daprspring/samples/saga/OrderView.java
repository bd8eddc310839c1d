package dev.daprspring.samples.saga;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.daprspring.workflows.client.WorkflowInstance;
import dev.daprspring.workflows.client.WorkflowStatus;

/**
 * An order as {@code GET /orders/{id}} answers it: the saga instance's status, the step it
 * last reported, and its result once it completed (or why it failed, should a compensation
 * fail after its retries). Fields without a value are left out of the JSON.
 *
 * @param id the order id, the saga's instance id
 * @param status the instance's status
 * @param step what the saga last reported with {@code setCustomStatus}
 * @param result the saga's output once completed
 * @param error why the instance failed, if it did
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(String id, WorkflowStatus status, @Nullable String step, @Nullable OrderResult result,
		@Nullable String error) {

	static OrderView of(WorkflowInstance instance) {
		return new OrderView(instance.instanceId(), instance.status(), instance.customStatus(String.class),
				instance.output(OrderResult.class),
				(instance.failure() != null) ? instance.failure().toString() : null);
	}

}
