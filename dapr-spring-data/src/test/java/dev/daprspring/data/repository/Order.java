package dev.daprspring.data.repository;

import dev.daprspring.data.mapping.Indexed;
import org.springframework.data.annotation.Id;

/** A test entity without a version: last write wins; its customer and status are indexed. */
public class Order {

	@Id
	private String id;

	@Indexed
	private String customerId;

	@Indexed
	private String status;

	private int total;

	private long createdAt;

	public Order() {
	}

	public Order(String id, String customerId, String status, int total, long createdAt) {
		this.id = id;
		this.customerId = customerId;
		this.status = status;
		this.total = total;
		this.createdAt = createdAt;
	}

	public String getId() {
		return this.id;
	}

	public void setId(String id) {
		this.id = id;
	}

	public String getCustomerId() {
		return this.customerId;
	}

	public void setCustomerId(String customerId) {
		this.customerId = customerId;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public int getTotal() {
		return this.total;
	}

	public void setTotal(int total) {
		this.total = total;
	}

	public long getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(long createdAt) {
		this.createdAt = createdAt;
	}

}
