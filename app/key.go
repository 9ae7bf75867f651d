package app

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
)

// Fingerprint is the SHA-256 key ID's first 8 bytes as four groups of four
// hex digits, short enough to read over the phone ("3f9a 07c2 …").
func Fingerprint(pub ed25519.PublicKey) string {
	id := KeyID(pub)
	h := hex.EncodeToString(id[:])
	return h[0:4] + " " + h[4:8] + " " + h[8:12] + " " + h[12:16]
}

// KeyFingerprint is the fingerprint of a base64 public key, "" if it is not one.
func KeyFingerprint(publicKey string) string {
	pub, err := base64.StdEncoding.DecodeString(publicKey)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return ""
	}
	return Fingerprint(pub)
}
