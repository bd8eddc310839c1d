package dev.daprspring.boot.autoconfigure.sidecar;

import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.sidecar.DaprSidecar;

/** A sidecar this application launched, with what it was launched with. */
record LaunchedSidecar(DaprSidecar sidecar, DaprSidecarProperties properties,
		@Nullable LaunchedControlPlane controlPlane) {

	void close() {
		this.sidecar.close();
		if (this.controlPlane != null) {
			this.controlPlane.close();
		}
	}

}
