package badge

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"
)

// Proof is a W3C Data Integrity proof with the eddsa-jcs-2022 cryptosuite
// (Verifiable Credential Data Integrity EdDSA Cryptosuites v1.0, §3.3).
type Proof struct {
	Type               string `json:"type"`
	Cryptosuite        string `json:"cryptosuite"`
	Created            string `json:"created"`
	VerificationMethod string `json:"verificationMethod"`
	ProofPurpose       string `json:"proofPurpose"`
	ProofValue         string `json:"proofValue,omitempty"`
}

// Proof field values.
const (
	ProofType       = "DataIntegrityProof"
	Cryptosuite     = "eddsa-jcs-2022"
	AssertionMethod = "assertionMethod"
	// maxCredentialLen bounds what Verify reads: a credential is a few KB.
	maxCredentialLen = 1 << 20
)

var (
	// ErrForged: the proof does not hold for the document as it is.
	ErrForged = errors.New("the signature does not match the credential")
	// ErrMalformed: not a credential this package can check.
	ErrMalformed = errors.New("not a credential with an eddsa-jcs-2022 proof")
)

// AddProof signs the unsecured document (a JSON object without "proof")
// and returns it with the proof added, as indented JSON.
func AddProof(unsecured []byte, key ed25519.PrivateKey, created time.Time) ([]byte, error) {
	var doc map[string]any
	if err := decode(unsecured, &doc); err != nil {
		return nil, err
	}
	if _, has := doc["proof"]; has {
		return nil, errors.New("the document already has a proof")
	}
	p := Proof{Type: ProofType, Cryptosuite: Cryptosuite, Created: created.UTC().Format(time.RFC3339),
		VerificationMethod: VerificationMethod(key.Public().(ed25519.PublicKey)), ProofPurpose: AssertionMethod}
	data, err := hashData(doc, p)
	if err != nil {
		return nil, err
	}
	p.ProofValue = Multibase(ed25519.Sign(key, data))
	doc["proof"] = p
	return json.MarshalIndent(doc, "", "  ")
}

// Verify checks a secured document's proof and that the signing key is
// the issuer's own did:key. It returns the issuer's DID. Any change to
// any field, the proof's options included, makes it fail with ErrForged.
func Verify(secured []byte) (issuer string, err error) {
	if len(secured) > maxCredentialLen {
		return "", ErrMalformed
	}
	var doc map[string]any
	if err := decode(secured, &doc); err != nil {
		return "", fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	var p Proof
	raw, err := json.Marshal(doc["proof"])
	if err != nil || json.Unmarshal(raw, &p) != nil {
		return "", ErrMalformed
	}
	if p.Type != ProofType || p.Cryptosuite != Cryptosuite || p.ProofPurpose != AssertionMethod || p.ProofValue == "" {
		return "", ErrMalformed
	}
	// The proof may carry only the fields this suite signs: an extra one
	// (a challenge, say) would go unsigned here.
	var fields map[string]any
	if json.Unmarshal(raw, &fields) != nil || len(fields) != 6 {
		return "", ErrMalformed
	}
	pub, err := PublicKeyOf(p.VerificationMethod)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	issuer = issuerID(doc["issuer"])
	if issuer != DIDKey(pub) {
		return "", fmt.Errorf("%w: signed by %s, not by the issuer %q", ErrForged, DIDKey(pub), issuer)
	}
	sig, err := DecodeMultibase(p.ProofValue)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return "", ErrForged
	}
	delete(doc, "proof")
	data, err := hashData(doc, p)
	if err != nil {
		return "", err
	}
	if !ed25519.Verify(pub, data, sig) {
		return "", ErrForged
	}
	return issuer, nil
}

// hashData is what eddsa-jcs-2022 signs: SHA-256 of the canonical proof
// options (with the document's @context) followed by SHA-256 of the
// canonical document.
func hashData(doc map[string]any, p Proof) ([]byte, error) {
	config := map[string]any{"type": p.Type, "cryptosuite": p.Cryptosuite, "created": p.Created,
		"verificationMethod": p.VerificationMethod, "proofPurpose": p.ProofPurpose}
	if ctx, ok := doc["@context"]; ok {
		config["@context"] = ctx
	}
	c, err := canonicalValue(config)
	if err != nil {
		return nil, err
	}
	d, err := canonicalValue(doc)
	if err != nil {
		return nil, err
	}
	ch, dh := sha256.Sum256(c), sha256.Sum256(d)
	return slices.Concat(ch[:], dh[:]), nil
}

func canonicalValue(v any) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return Canonicalize(raw)
}

// decode reads a JSON object keeping numbers as written, so that
// canonicalising it again gives the signed bytes.
func decode(data []byte, v *map[string]any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var out map[string]any
	if err := dec.Decode(&out); err != nil || out == nil {
		return errors.New("not a JSON object")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("data after the JSON object")
	}
	*v = out
	return nil
}

func issuerID(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		id, _ := x["id"].(string)
		return id
	}
	return ""
}
