package sign

import (
	"crypto/ed25519"
	"testing"
)

// FuzzVerify feeds arbitrary text to Verify: it must never panic, and any
// payload it accepts must be exactly what Sign makes of its claims, so a
// payload has one spelling only.
func FuzzVerify(f *testing.F) {
	key := testKey(0)
	keys := []ed25519.PublicKey{pub(key)}
	good := mustSign(f, typical(), key)
	for _, s := range []string{good, good[:len(good)-1], "ACE1..", "ACE1." + good[5:40], "", "ACE1.." + good[len(good)-96:]} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, payload string) {
		c, err := Verify(payload, keys)
		if err != nil {
			return
		}
		again, err := Sign(c, key)
		if err != nil {
			t.Fatalf("verified claims %+v do not sign: %v", c, err)
		}
		if again != payload {
			t.Fatalf("verified %q, but its claims sign to %q", payload, again)
		}
	})
}
