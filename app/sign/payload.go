package sign

import (
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"acedesk/app"
)

// Prefix starts every version 1 payload.
const Prefix = "ACE1"

// KeyIDSize is the length of a key ID in bytes.
const KeyIDSize = app.KeyIDSize

// Verification errors; Verify wraps them with the detail.
var (
	ErrMalformed     = app.ErrCodeMalformed
	ErrUnknownIssuer = app.ErrUnknownIssuer
	ErrForged        = app.ErrCodeForged
)

// b64 is strict so that a payload has exactly one spelling.
var b64 = base64.RawURLEncoding.Strict()

// sealLen is the printed length of the seal: 72 bytes, a multiple of 3,
// so its base64 has no unused bits.
var sealLen = b64.EncodedLen(KeyIDSize + ed25519.SignatureSize)

// KeyID is the first 8 bytes of SHA-256 over the raw public key.
func KeyID(pub ed25519.PublicKey) [KeyIDSize]byte { return app.KeyID(pub) }

// Sign returns the payload for c, after putting its text in NFC and
// checking it (see ErrInvalidClaims).
func Sign(c Claims, key ed25519.PrivateKey) (string, error) {
	if len(key) != ed25519.PrivateKeySize {
		return "", errors.New("sign: not an Ed25519 private key")
	}
	c = normalize(c)
	if err := validate(c); err != nil {
		return "", err
	}
	signed := Prefix + "." + b64.EncodeToString(encodeFields(c))
	id := KeyID(key.Public().(ed25519.PublicKey))
	seal := append(id[:], ed25519.Sign(key, []byte(signed))...)
	return signed + "." + b64.EncodeToString(seal), nil
}

// Verify checks payload against the trusted keys and returns its claims.
// The error wraps ErrMalformed, ErrUnknownIssuer or ErrForged.
func Verify(payload string, keys []ed25519.PublicKey) (Claims, error) {
	// Go's base64 skips CR and LF: refuse every byte outside the alphabet
	// first, so no byte of a payload is ignored.
	if i := strings.IndexFunc(payload, func(r rune) bool { return !IsPayloadByte(r) }); i >= 0 {
		return Claims{}, fmt.Errorf("%w: character %q at %d", ErrMalformed, payload[i], i)
	}
	signed, sealText, ok := cutLast(payload, ".")
	if !ok || !strings.HasPrefix(signed, Prefix+".") {
		return Claims{}, fmt.Errorf("%w: does not start with %s followed by a dot", ErrMalformed, Prefix)
	}
	if len(sealText) != sealLen {
		return Claims{}, fmt.Errorf("%w: seal is %d characters, want %d", ErrMalformed, len(sealText), sealLen)
	}
	seal, err := b64.DecodeString(sealText)
	if err != nil {
		return Claims{}, fmt.Errorf("%w: seal: %v", ErrMalformed, err)
	}
	fields, err := b64.DecodeString(strings.TrimPrefix(signed, Prefix+"."))
	if err != nil {
		return Claims{}, fmt.Errorf("%w: fields: %v", ErrMalformed, err)
	}
	c, err := decodeFields(fields)
	if err != nil {
		return Claims{}, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if len(seal) != KeyIDSize+ed25519.SignatureSize {
		return Claims{}, fmt.Errorf("%w: seal is %d bytes", ErrMalformed, len(seal))
	}
	id, sig := seal[:KeyIDSize], seal[KeyIDSize:]
	for _, k := range keys {
		kid := KeyID(k)
		if len(k) != ed25519.PublicKeySize || string(kid[:]) != string(id) {
			continue
		}
		// ed25519.Verify rejects a non-canonical signature, so the seal too
		// has one spelling only.
		if !ed25519.Verify(k, []byte(signed), sig) {
			return Claims{}, fmt.Errorf("%w: the signature does not match", ErrForged)
		}
		return c, nil
	}
	return Claims{}, fmt.Errorf("%w: key %x", ErrUnknownIssuer, id)
}

// cutLast splits s around the last sep.
func cutLast(s, sep string) (before, after string, found bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// IsPayloadByte reports whether r may occur in a payload: the base64url
// alphabet and ".".
func IsPayloadByte(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.'
}
