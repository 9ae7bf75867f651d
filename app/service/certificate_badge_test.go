package service_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/badge"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// obSchema compiles the vendored Open Badges 3.0 schema with the change
// to Verifiable Credentials 2.0 that badge/testdata/README.md describes.
func obSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("../badge/testdata/ob_v3p0_achievementcredential_schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	root := doc.(map[string]any)
	props := root["properties"].(map[string]any)
	props["validFrom"] = map[string]any{"type": "string", "format": "date-time"}
	props["validUntil"] = map[string]any{"type": "string", "format": "date-time"}
	delete(props, "issuanceDate")
	required := root["required"].([]any)
	for i, r := range required {
		if r == "issuanceDate" {
			required[i] = "validFrom"
		}
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(badge.SchemaOB30, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(badge.SchemaOB30)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, data []byte) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return s.Validate(v)
}

func TestOpenBadgeIsASignedValidCredential(t *testing.T) {
	p := newProgram(t)
	publishedBatch(t, p, "欧阳喆", "Ouyang Zhe")
	certs, err := p.svc.Certificates.ForBatch("2025-Q2")
	if err != nil || len(certs) != 1 {
		t.Fatalf("ForBatch = %+v, %v", certs, err)
	}
	c := certs[0]
	f, err := p.svc.Certificates.OpenBadge(c.Serial)
	if err != nil {
		t.Fatal(err)
	}
	if f.Name != c.Serial+".openbadge.json" {
		t.Errorf("name = %s", f.Name)
	}
	schema := obSchema(t)
	if err := validate(t, schema, f.Data); err != nil {
		t.Fatalf("the credential does not follow the Open Badges 3.0 schema: %v\n%s", err, f.Data)
	}

	key, err := p.svc.Trust.ChapterKey()
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := base64.StdEncoding.DecodeString(key.PublicKey)
	issuer, err := badge.Verify(f.Data)
	if err != nil || issuer != badge.DIDKey(ed25519.PublicKey(pub)) {
		t.Fatalf("Verify = %q, %v; want the chapter key's did:key", issuer, err)
	}

	var cred badge.Credential
	if err := json.Unmarshal(f.Data, &cred); err != nil {
		t.Fatal(err)
	}
	a := cred.CredentialSubject.Achievement
	switch {
	case strings.Join(cred.Context, " ") != badge.ContextVC2+" "+badge.ContextOB30,
		strings.Join(cred.Type, " ") != "VerifiableCredential OpenBadgeCredential",
		cred.Issuer.Name != app.DefaultCertificateSetup().IssuerZH,
		cred.ValidFrom != c.IssuedOn+"T00:00:00Z",
		cred.CredentialSubject.Type[0] != "AchievementSubject", !strings.HasPrefix(cred.CredentialSubject.ID, "urn:uuid:"),
		cred.CredentialSubject.Identifier[0].IdentityHash != "欧阳喆 (Ouyang Zhe)",
		a.Name != "PostgreSQL ACE 伙伴 / PostgreSQL ACE Partner",
		a.Type[0] != "Achievement", a.Criteria.Narrative == "",
		!strings.Contains(cred.Description, "在2025年度为 PostgreSQL 中文社区作出突出贡献") || !strings.Contains(cred.Description, "community in 2025, the title of PostgreSQL ACE Partner"),
		cred.Proof == nil || cred.Proof.Cryptosuite != "eddsa-jcs-2022" || !strings.HasPrefix(cred.Proof.VerificationMethod, issuer+"#"):
		t.Errorf("credential = %s", f.Data)
	}

	again, err := p.svc.Certificates.OpenBadge(c.Serial)
	if err != nil || !bytes.Equal(again.Data, f.Data) {
		t.Errorf("exporting again gave other bytes (%v)", err)
	}

	// A credential whose holder is edited fails both the proof and, with a
	// wrong type, the schema.
	edited := bytes.Replace(f.Data, []byte("欧阳喆 (Ouyang Zhe)"), []byte("张冒名 (Zhang Maoming)"), 1)
	if _, err := badge.Verify(edited); !errors.Is(err, badge.ErrForged) {
		t.Errorf("an edited holder verifies: %v", err)
	}
	if err := validate(t, schema, bytes.Replace(f.Data, []byte(`"validFrom"`), []byte(`"validFromX"`), 1)); err == nil {
		t.Errorf("the schema accepts a credential without validFrom")
	}

	if _, err := p.svc.Certificates.OpenBadge("PGACE-2025-CN-999999"); reasonOf(err) != "certificate_not_found" {
		t.Errorf("unknown serial: %v", err)
	}
	if _, err := p.svc.Certificates.Revoke(c.Serial, "重复发放"); err != nil {
		t.Fatal(err)
	}
	if _, err := p.svc.Certificates.OpenBadge(c.Serial); reasonOf(err) != "certificate_revoked" {
		t.Errorf("revoked certificate: %v", err)
	}
}
