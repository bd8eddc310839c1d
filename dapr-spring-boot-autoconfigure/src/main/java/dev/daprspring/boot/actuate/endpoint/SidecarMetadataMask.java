package dev.daprspring.boot.actuate.endpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the values of the sidecar's metadata whose names Spring Boot takes for credentials
 * (password, secret, key, token, credentials…) or that are URIs with a password, at any
 * depth: daprd passes on what applications and components set, for example the
 * {@code extended} attributes anyone with the API token can write.
 */
final class SidecarMetadataMask {

	private static final SanitizingFunction CREDENTIALS = SanitizingFunction.sanitizeValue()
		.ifLikelyCredential()
		.ifLikelyUri();

	private SidecarMetadataMask() {
	}

	static Map<String, Object> mask(Map<String, Object> metadata) {
		Map<String, Object> masked = new LinkedHashMap<>();
		metadata.forEach((key, value) -> masked.put(key, mask(key, value)));
		return masked;
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Object mask(String key, @Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			return mask((Map<String, Object>) map);
		}
		if (value instanceof List<?> list) {
			List<@Nullable Object> masked = new ArrayList<>();
			list.forEach((element) -> masked.add(mask(key, element)));
			return masked;
		}
		return CREDENTIALS.applyUnlessFiltered(new SanitizableData(null, key, value)).getValue();
	}

}
