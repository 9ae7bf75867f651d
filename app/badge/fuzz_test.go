package badge

import (
	"crypto/ed25519"
	"testing"
	"time"
)

// FuzzVerify: no input panics the verifier, and whatever it accepts was
// signed by the key it names.
func FuzzVerify(f *testing.F) {
	key := ed25519.NewKeyFromSeed(make([]byte, 32))
	doc := `{"@context":["https://www.w3.org/ns/credentials/v2"],"issuer":{"id":"` + DIDKey(key.Public().(ed25519.PublicKey)) + `"},"n":[1,2.5,"x"]}`
	signed, err := AddProof([]byte(doc), key, time.Unix(0, 0))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(signed)
	f.Add([]byte(`{"proof":{"type":"DataIntegrityProof"}}`))
	f.Add([]byte(`[1e999]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if issuer, err := Verify(data); err == nil {
			if _, err := PublicKeyOf(issuer); err != nil {
				t.Fatalf("accepted a credential whose issuer %q is no key", issuer)
			}
		}
	})
}

// FuzzCanonicalize: canonical output is itself canonical.
func FuzzCanonicalize(f *testing.F) {
	for _, s := range []string{`{"b":1,"a":[true,null,"\u0001"]}`, `1e-7`, `"\ud83d\ude00"`, `{"\u20ac":0.1}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Canonicalize(data)
		if err != nil {
			return
		}
		again, err := Canonicalize(c)
		if err != nil || string(again) != string(c) {
			t.Fatalf("not idempotent: %s -> %s (%v)", c, again, err)
		}
	})
}
