package badge

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

// The eddsa-jcs-2022 test vector of W3C's "Data Integrity EdDSA
// Cryptosuites v1.0" (§B.2): its key pair, credential and proof options.
const (
	specSecret = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"
	specPublic = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
	specDoc    = `{
  "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
  "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
  "type": ["VerifiableCredential", "AlumniCredential"],
  "name": "Alumni Credential",
  "description": "A minimum viable example of an Alumni Credential.",
  "issuer": "https://vc.example/issuers/5678",
  "validFrom": "2023-01-01T00:00:00Z",
  "credentialSubject": {"id": "did:example:abcdefgh", "alumniOf": "The School of Examples"}
}`
	specDocHash    = "59b7cb6251b8991add1ce0bc83107e3db9dbbab5bd2c28f687db1a03abc92f19"
	specProofValue = "z2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJDMWS93FCzpvJpwTWd3GAVFuUfjoJdcnTMuVor51aX"
)

func specKey(t *testing.T) ed25519.PrivateKey {
	t.Helper()
	raw, err := DecodeMultibase(specSecret)
	if err != nil || len(raw) != 34 || raw[0] != 0x80 || raw[1] != 0x26 { // ed25519-priv multicodec
		t.Fatalf("secret key: %x, %v", raw, err)
	}
	return ed25519.NewKeyFromSeed(raw[2:])
}

func TestDIDKeyOfSpecKey(t *testing.T) {
	pub := specKey(t).Public().(ed25519.PublicKey)
	if got, want := DIDKey(pub), "did:key:"+specPublic; got != want {
		t.Fatalf("DIDKey = %s, want %s", got, want)
	}
	if got, want := VerificationMethod(pub), "did:key:"+specPublic+"#"+specPublic; got != want {
		t.Fatalf("VerificationMethod = %s, want %s", got, want)
	}
	for _, in := range []string{"did:key:" + specPublic, VerificationMethod(pub)} {
		if got, err := PublicKeyOf(in); err != nil || !got.Equal(pub) {
			t.Errorf("PublicKeyOf(%s) = %x, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "did:web:example.org", "did:key:" + specPublic + "#z6Mkother",
		"did:key:zQ3s", "did:key:" + specPublic[:20], "did:key:z0OIl"} {
		if _, err := PublicKeyOf(bad); err == nil {
			t.Errorf("PublicKeyOf(%q): no error", bad)
		}
	}
}

func TestMultibaseRoundTrip(t *testing.T) {
	for _, data := range [][]byte{{0}, {0, 0, 1}, {0xff}, []byte("hello world"), make([]byte, 32)} {
		got, err := DecodeMultibase(Multibase(data))
		if err != nil || hex.EncodeToString(got) != hex.EncodeToString(data) {
			t.Errorf("%x: round trip gave %x, %v", data, got, err)
		}
	}
	if got := Multibase([]byte("hello world")); got != "zStV1DL6CwTryKyV" {
		t.Errorf("Multibase(hello world) = %s", got)
	}
}

func TestAddProofMatchesSpecVector(t *testing.T) {
	c, err := Canonicalize([]byte(specDoc))
	if err != nil {
		t.Fatal(err)
	}
	if h := sha256.Sum256(c); hex.EncodeToString(h[:]) != specDocHash {
		t.Fatalf("hash of the canonical document = %x, want %s", h, specDocHash)
	}
	created, _ := time.Parse(time.RFC3339, "2023-02-24T23:36:38Z")
	out, err := AddProof([]byte(specDoc), specKey(t), created)
	if err != nil {
		t.Fatal(err)
	}
	var got struct{ Proof Proof }
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if got.Proof.ProofValue != specProofValue {
		t.Fatalf("proofValue = %s, want %s", got.Proof.ProofValue, specProofValue)
	}
}

// signedSample is a small credential issued by the spec key's did:key.
func signedSample(t *testing.T) []byte {
	t.Helper()
	key := specKey(t)
	doc := `{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],
		"issuer":{"id":"` + DIDKey(key.Public().(ed25519.PublicKey)) + `","name":"分会"},
		"validFrom":"2026-03-31T00:00:00Z","credentialSubject":{"n":1.5,"name":"张三"}}`
	out, err := AddProof([]byte(doc), key, time.Date(2026, 3, 31, 8, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestVerify(t *testing.T) {
	good := signedSample(t)
	if iss, err := Verify(good); err != nil || iss != "did:key:"+specPublic {
		t.Fatalf("Verify(good) = %q, %v", iss, err)
	}
	// Re-indenting and reordering does not matter: the proof is over JCS.
	var v map[string]any
	json.Unmarshal(good, &v)
	compact, _ := json.Marshal(v)
	if _, err := Verify(compact); err != nil {
		t.Fatalf("Verify(compact) = %v", err)
	}
	other := ed25519.NewKeyFromSeed(make([]byte, 32))
	for _, tc := range []struct {
		name string
		edit func(m map[string]any)
		want error
	}{
		{"subject name", func(m map[string]any) { m["credentialSubject"].(map[string]any)["name"] = "李四" }, ErrForged},
		{"subject number", func(m map[string]any) { m["credentialSubject"].(map[string]any)["n"] = 1.25 }, ErrForged},
		{"issuer name", func(m map[string]any) { m["issuer"].(map[string]any)["name"] = "别的分会" }, ErrForged},
		{"validFrom", func(m map[string]any) { m["validFrom"] = "2025-03-31T00:00:00Z" }, ErrForged},
		{"added field", func(m map[string]any) { m["validUntil"] = "2099-01-01T00:00:00Z" }, ErrForged},
		{"removed field", func(m map[string]any) { delete(m, "validFrom") }, ErrForged},
		{"context", func(m map[string]any) { m["@context"] = []any{"https://example.org/ctx"} }, ErrForged},
		{"proof created", func(m map[string]any) { m["proof"].(map[string]any)["created"] = "2020-01-01T00:00:00Z" }, ErrForged},
		{"proof value", func(m map[string]any) {
			p := m["proof"].(map[string]any)
			p["proofValue"] = Multibase(make([]byte, 64))
		}, ErrForged},
		{"another signer", func(m map[string]any) {
			m["proof"].(map[string]any)["verificationMethod"] = VerificationMethod(other.Public().(ed25519.PublicKey))
		}, ErrForged},
		{"issuer swapped to the other key", func(m map[string]any) {
			m["issuer"].(map[string]any)["id"] = DIDKey(other.Public().(ed25519.PublicKey))
		}, ErrForged},
		{"cryptosuite", func(m map[string]any) { m["proof"].(map[string]any)["cryptosuite"] = "eddsa-rdfc-2022" }, ErrMalformed},
		{"extra proof field", func(m map[string]any) { m["proof"].(map[string]any)["challenge"] = "x" }, ErrMalformed},
		{"no proof", func(m map[string]any) { delete(m, "proof") }, ErrMalformed},
	} {
		var m map[string]any
		json.Unmarshal(good, &m)
		tc.edit(m)
		data, _ := json.Marshal(m)
		if _, err := Verify(data); !errors.Is(err, tc.want) {
			t.Errorf("%s: Verify = %v, want %v", tc.name, err, tc.want)
		}
	}
	for _, bad := range []string{"", "[]", "{", `{"proof":1}`, strings.Repeat(" ", maxCredentialLen+1)} {
		if _, err := Verify([]byte(bad)); !errors.Is(err, ErrMalformed) {
			t.Errorf("Verify(%.10q) = %v, want ErrMalformed", bad, err)
		}
	}
}

func BenchmarkIssueAndVerify(b *testing.B) {
	key := ed25519.NewKeyFromSeed(make([]byte, 32))
	a := Award{Key: "PGACE-2026-HZ-000001", Name: "PostgreSQL ACE 伙伴 — 欧阳喆", IssuerName: "杭州分会", IssuedOn: "2026-03-31",
		Holder: "欧阳喆 (Ouyang Zhe)", Achievement: AchievementInfo{Key: "honor/partner", Name: "PostgreSQL ACE 伙伴",
			Description: "PostgreSQL ACE 伙伴", Criteria: "积分", Type: "Award"}}
	created := time.Date(2026, 3, 31, 8, 0, 0, 0, time.UTC)
	for b.Loop() {
		data, err := Issue(a, key, created)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Verify(data); err != nil {
			b.Fatal(err)
		}
	}
}
