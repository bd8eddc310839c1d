package dev.daprspring.samples.shipping;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A shipment, stored under {@code shipment:<orderId>} in the Redis state store.
 */
public class Shipment {

	@Id
	private @Nullable String orderId;

	private String item = "";

	private int quantity;

	private ShipmentStatus status = ShipmentStatus.SCHEDULED;

	private String carrierAccount = "";

	@Version
	private @Nullable Long version;

	public Shipment() {
	}

	Shipment(String orderId, String item, int quantity, String carrierAccount) {
		this.orderId = orderId;
		this.item = item;
		this.quantity = quantity;
		this.carrierAccount = carrierAccount;
	}

	public @Nullable String getOrderId() {
		return this.orderId;
	}

	public void setOrderId(@Nullable String orderId) {
		this.orderId = orderId;
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

	public ShipmentStatus getStatus() {
		return this.status;
	}

	public void setStatus(ShipmentStatus status) {
		this.status = status;
	}

	public String getCarrierAccount() {
		return this.carrierAccount;
	}

	public void setCarrierAccount(String carrierAccount) {
		this.carrierAccount = carrierAccount;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

}
