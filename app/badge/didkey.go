package badge

import (
	"crypto/ed25519"
	"errors"
	"math/big"
	"strings"
)

const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// ed25519PubCodec is the multicodec prefix of an Ed25519 public key.
var ed25519PubCodec = []byte{0xed, 0x01}

var errBadKey = errors.New("not a did:key of an Ed25519 public key")

// Multibase writes data as multibase base58btc: "z" and base58 (Bitcoin
// alphabet), leading zero bytes kept as '1'.
func Multibase(data []byte) string {
	n := new(big.Int).SetBytes(data)
	var out []byte
	mod, base := new(big.Int), big.NewInt(58)
	for n.Sign() > 0 {
		n.DivMod(n, base, mod)
		out = append(out, base58Alphabet[mod.Int64()])
	}
	for _, b := range data {
		if b != 0 {
			break
		}
		out = append(out, '1')
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return "z" + string(out)
}

// DecodeMultibase reads what Multibase writes.
func DecodeMultibase(s string) ([]byte, error) {
	enc, ok := strings.CutPrefix(s, "z")
	if !ok || enc == "" {
		return nil, errors.New("not multibase base58btc")
	}
	n, base := new(big.Int), big.NewInt(58)
	zeros := 0
	for i, c := range enc {
		d := strings.IndexRune(base58Alphabet, c)
		if d < 0 {
			return nil, errors.New("not multibase base58btc")
		}
		if d == 0 && i == zeros {
			zeros++
		}
		n.Mul(n, base).Add(n, big.NewInt(int64(d)))
	}
	return append(make([]byte, zeros), n.Bytes()...), nil
}

// DIDKey is the did:key of an Ed25519 public key ("did:key:z6Mk…").
func DIDKey(pub ed25519.PublicKey) string {
	return "did:key:" + Multibase(append(append([]byte{}, ed25519PubCodec...), pub...))
}

// VerificationMethod names the key inside its did:key document.
func VerificationMethod(pub ed25519.PublicKey) string {
	did := DIDKey(pub)
	return did + "#" + strings.TrimPrefix(did, "did:key:")
}

// PublicKeyOf reads the Ed25519 key out of a did:key or its verification
// method, refusing one whose fragment names another key.
func PublicKeyOf(didOrMethod string) (ed25519.PublicKey, error) {
	did, fragment, hasFragment := strings.Cut(didOrMethod, "#")
	id, ok := strings.CutPrefix(did, "did:key:")
	if !ok || (hasFragment && fragment != id) {
		return nil, errBadKey
	}
	raw, err := DecodeMultibase(id)
	if err != nil || len(raw) != 2+ed25519.PublicKeySize || raw[0] != ed25519PubCodec[0] || raw[1] != ed25519PubCodec[1] {
		return nil, errBadKey
	}
	return ed25519.PublicKey(raw[2:]), nil
}
