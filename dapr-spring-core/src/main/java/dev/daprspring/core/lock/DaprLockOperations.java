package dev.daprspring.core.lock;

import java.time.Duration;

import io.dapr.v1.DaprLockProtos.TryLockRequest;
import io.dapr.v1.DaprLockProtos.UnlockRequest;
import io.dapr.v1.DaprLockProtos.UnlockResponse;

import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;
import org.springframework.util.Assert;

/**
 * {@link LockOperations} over the sidecar's gRPC {@code TryLockAlpha1} and {@code UnlockAlpha1}.
 * Neither call is repeated after a connection closed under it: a repeated try-lock whose first
 * attempt took the lock would answer {@code false} to the owner that holds it.
 */
public final class DaprLockOperations implements LockOperations {

	private final DaprTransport transport;

	public DaprLockOperations(DaprTransport transport) {
		this.transport = transport;
	}

	@Override
	public boolean tryLock(String store, String resourceId, String owner, Duration expiry) {
		validate(store, resourceId, owner);
		TryLockRequest request = TryLockRequest.newBuilder()
			.setStoreName(store)
			.setResourceId(resourceId)
			.setLockOwner(owner)
			.setExpiryInSeconds(expirySeconds(expiry))
			.build();
		return this.transport.call(DaprCall.write("lock", "tryLock", store), (dapr) -> dapr.tryLockAlpha1(request))
			.getSuccess();
	}

	@Override
	public UnlockStatus unlock(String store, String resourceId, String owner) {
		validate(store, resourceId, owner);
		UnlockRequest request = UnlockRequest.newBuilder()
			.setStoreName(store)
			.setResourceId(resourceId)
			.setLockOwner(owner)
			.build();
		UnlockResponse response = this.transport.call(DaprCall.write("lock", "unlock", store),
				(dapr) -> dapr.unlockAlpha1(request));
		return switch (response.getStatus()) {
			case SUCCESS -> UnlockStatus.SUCCESS;
			case LOCK_DOES_NOT_EXIST -> UnlockStatus.LOCK_DOES_NOT_EXIST;
			case LOCK_BELONGS_TO_OTHERS -> UnlockStatus.LOCK_BELONGS_TO_OTHERS;
			default -> UnlockStatus.INTERNAL_ERROR;
		};
	}

	/**
	 * The expiry in the whole seconds the sidecar takes ({@code expiry_in_seconds}, a positive int32).
	 * @throws IllegalArgumentException if it is below one second, has a fraction of a second, or is too long
	 */
	static int expirySeconds(Duration expiry) {
		Assert.isTrue(expiry.getSeconds() >= 1 && expiry.getNano() == 0 && expiry.getSeconds() <= Integer.MAX_VALUE,
				() -> "A lock's expiry must be whole seconds, at least one (the sidecar takes expiry_in_seconds), not "
						+ expiry);
		return (int) expiry.getSeconds();
	}

	private static void validate(String store, String resourceId, String owner) {
		Assert.hasText(store, "Lock store name must not be empty");
		Assert.hasText(resourceId, "Lock resource id must not be empty");
		Assert.isTrue(!resourceId.contains("||"),
				() -> "Lock resource id '" + resourceId + "' must not contain '||' (the sidecar's key separator)");
		Assert.hasText(owner, "Lock owner must not be empty");
	}

}
