/**
 * Dapr's cryptography API through {@link dev.daprspring.core.crypto.CryptoOperations}:
 * the sidecar encrypts and decrypts with keys held by a crypto component, so the
 * application never sees them.
 * <p>
 * Both directions are bidirectional gRPC streams ({@code EncryptAlpha1},
 * {@code DecryptAlpha1}): a first message of options, then chunks of at most
 * {@value dev.daprspring.core.crypto.DaprCryptoOperations#CHUNK_SIZE} bytes numbered from 0;
 * the answer comes back the same way. The calling thread drives both ends: it sends a chunk
 * only when gRPC can take it, and asks for the next answer only once it wrote the previous
 * one, so a stream holds a few chunks in memory, never the payload.
 * <p>
 * The guarantee on decryption follows Dapr's scheme ({@code dapr.io/enc/v1}): the header
 * carries an HMAC that only the right key verifies, and the data is sealed in 64 KiB
 * segments, each with its own AEAD tag and a nonce that numbers it and marks the last one.
 * The sidecar releases a segment only after its tag verified. So a wrong key fails before
 * any plaintext exists; an altered or truncated ciphertext fails at the first bad segment,
 * after the segments before it (authentic, but not the whole message) were written. The
 * byte-array methods return nothing unless the whole message verified; the stream methods
 * have written exactly the authenticated prefix when they throw.
 */
@NullMarked
package dev.daprspring.core.crypto;

import org.jspecify.annotations.NullMarked;
