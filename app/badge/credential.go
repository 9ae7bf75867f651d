// Package badge exports certificates as Open Badges 3.0 credentials
// (OpenBadgeCredential, a W3C Verifiable Credential 2.0) signed with the
// chapter's Ed25519 key.
//
// The proof is embedded as a Data Integrity proof with the eddsa-jcs-2022
// cryptosuite rather than wrapped as a VC-JWT: the file stays the plain
// JSON credential that badge wallets and the Open Badges JSON schema read,
// the signature survives re-indenting (it is over the RFC 8785 canonical
// form), and it needs nothing beyond SHA-256 and Ed25519. The issuer is
// the did:key of the chapter key, so a verifier needs no web service of
// ours to find the key.
package badge

import (
	"crypto/ed25519"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"time"
)

// Contexts and schema of an Open Badges 3.0 credential.
const (
	ContextVC2   = "https://www.w3.org/ns/credentials/v2"
	ContextOB30  = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
	SchemaOB30   = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
	SchemaType   = "1EdTechJsonSchemaValidator2019"
	dateTimeZero = "T00:00:00Z"
)

// Award is what one credential states.
type Award struct {
	// Key names the credential: the same key gives the same credential id.
	Key         string
	Name        string
	Description string
	IssuerName  string
	// IssuerDescription is the issuer's other-language name, if any.
	IssuerDescription string
	// IssuedOn is the certificate's civil date, YYYY-MM-DD.
	IssuedOn string
	// Holder is the holder's name as the certificate prints it.
	Holder string
	// HolderKey names the holder for an opaque subject id: the same key
	// gives the same id on all their credentials, and reveals nothing.
	HolderKey   string
	Achievement AchievementInfo
}

// AchievementInfo is the honour itself, shared by everyone who holds it.
type AchievementInfo struct {
	Key         string
	Name        string
	Description string
	Criteria    string
	// Type is an Open Badges AchievementType, e.g. "Award".
	Type string
}

// Credential is an OpenBadgeCredential.
type Credential struct {
	Context           []string    `json:"@context"`
	ID                string      `json:"id"`
	Type              []string    `json:"type"`
	Name              string      `json:"name"`
	Description       string      `json:"description,omitempty"`
	Issuer            Profile     `json:"issuer"`
	ValidFrom         string      `json:"validFrom"`
	CredentialSubject Subject     `json:"credentialSubject"`
	CredentialSchema  []SchemaRef `json:"credentialSchema"`
	Proof             *Proof      `json:"proof,omitempty"`
}

// Profile is the issuer.
type Profile struct {
	ID          string   `json:"id"`
	Type        []string `json:"type"`
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
}

// Subject is the holder: an opaque id (holders have no DID) and their name.
type Subject struct {
	ID          string           `json:"id"`
	Type        []string         `json:"type"`
	Identifier  []IdentityObject `json:"identifier"`
	Achievement Achievement      `json:"achievement"`
}

// IdentityObject names the holder in plain text (hashed false): the
// certificate prints the name anyway.
type IdentityObject struct {
	Type         string `json:"type"`
	Hashed       bool   `json:"hashed"`
	IdentityHash string `json:"identityHash"`
	IdentityType string `json:"identityType"`
}

// Achievement is the honour.
type Achievement struct {
	ID              string   `json:"id"`
	Type            []string `json:"type"`
	AchievementType string   `json:"achievementType,omitempty"`
	Name            string   `json:"name"`
	Description     string   `json:"description"`
	Criteria        Criteria `json:"criteria"`
}

// Criteria say how the honour is earned.
type Criteria struct {
	Narrative string `json:"narrative"`
}

// SchemaRef points at the JSON schema the credential follows.
type SchemaRef struct {
	ID   string `json:"id"`
	Type string `json:"type"`
}

// Issue builds the credential for a and signs it with key; created is the
// proof's time. The same award, key and time give the same bytes.
func Issue(a Award, key ed25519.PrivateKey, created time.Time) ([]byte, error) {
	if _, err := time.Parse(time.DateOnly, a.IssuedOn); err != nil {
		return nil, fmt.Errorf("badge: issue date %q: %w", a.IssuedOn, err)
	}
	did := DIDKey(key.Public().(ed25519.PublicKey))
	c := Credential{
		Context:     []string{ContextVC2, ContextOB30},
		ID:          uuidURN(did + "/credential/" + a.Key),
		Type:        []string{"VerifiableCredential", "OpenBadgeCredential"},
		Name:        a.Name,
		Description: a.Description,
		Issuer:      Profile{ID: did, Type: []string{"Profile"}, Name: a.IssuerName, Description: a.IssuerDescription},
		ValidFrom:   a.IssuedOn + dateTimeZero,
		CredentialSubject: Subject{
			ID:         uuidURN(did + "/holder/" + a.HolderKey),
			Type:       []string{"AchievementSubject"},
			Identifier: []IdentityObject{{Type: "IdentityObject", Hashed: false, IdentityHash: a.Holder, IdentityType: "name"}},
			Achievement: Achievement{
				ID:              uuidURN(did + "/achievement/" + a.Achievement.Key),
				Type:            []string{"Achievement"},
				AchievementType: a.Achievement.Type,
				Name:            a.Achievement.Name,
				Description:     a.Achievement.Description,
				Criteria:        Criteria{Narrative: a.Achievement.Criteria},
			},
		},
		CredentialSchema: []SchemaRef{{ID: SchemaOB30, Type: SchemaType}},
	}
	unsecured, err := json.Marshal(c)
	if err != nil {
		return nil, err
	}
	return AddProof(unsecured, key, created)
}

// uuidURN is a name-based (version 5, RFC 9562) UUID, so that exporting a
// certificate again gives the same credential id without storing one.
func uuidURN(name string) string {
	// The URL namespace of RFC 9562 Appendix A.
	ns := [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}
