package dev.daprspring.samples.orders;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * An order, stored as JSON under {@code order:<id>} in the state store.
 */
public class Order {

	@Id
	private @Nullable String id;

	private String item = "";

	private int quantity;

	private OrderStatus status = OrderStatus.PLACED;

	private @Nullable Instant placedAt;

	// Saves with the ETag read: the confirming handler never overwrites a newer version.
	@Version
	private @Nullable Long version;

	public Order() {
	}

	Order(String item, int quantity, Instant placedAt) {
		this.item = item;
		this.quantity = quantity;
		this.placedAt = placedAt;
	}

	public @Nullable String getId() {
		return this.id;
	}

	public void setId(@Nullable String id) {
		this.id = id;
	}

	public String getItem() {
		return this.item;
	}

	public void setItem(String item) {
		this.item = item;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public void setQuantity(int quantity) {
		this.quantity = quantity;
	}

	public OrderStatus getStatus() {
		return this.status;
	}

	public void setStatus(OrderStatus status) {
		this.status = status;
	}

	public @Nullable Instant getPlacedAt() {
		return this.placedAt;
	}

	public void setPlacedAt(@Nullable Instant placedAt) {
		this.placedAt = placedAt;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

}
