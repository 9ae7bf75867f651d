package service

import (
	"bytes"
	"crypto/ed25519"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"image/png"
	"regexp"
	"strings"
	"testing"
	"time"

	"acedesk/app"
	"acedesk/app/sign"

	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/qr"
)

// fakeKeys is a KeyRepository holding one fixed key.
type fakeKeys struct {
	key   ed25519.PrivateKey
	calls int
}

func (f *fakeKeys) ChapterKey(app.Change) (ed25519.PrivateKey, time.Time, error) {
	f.calls++
	return f.key, time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC), nil
}

// revocationList answers from a map of serial to revocation reason ("" =
// issued, not revoked); absent serials were not issued.
type revocationList map[string]string

func (r revocationList) Revocation(serial string) (IssuedCertificate, error) {
	reason, ok := r[serial]
	return IssuedCertificate{Issued: ok, Revoked: ok && reason != "", RevokedReason: reason}, nil
}

// issuedList answers with the certificates it holds by serial.
type issuedList map[string]IssuedCertificate

func (l issuedList) Revocation(serial string) (IssuedCertificate, error) { return l[serial], nil }

func keyFromSeed(b byte) ed25519.PrivateKey {
	return ed25519.NewKeyFromSeed(bytes.Repeat([]byte{b}, ed25519.SeedSize))
}

func newTrust(revoked revocationList) (*TrustService, *fakeKeys) {
	keys := &fakeKeys{key: keyFromSeed(1)}
	return &TrustService{codes: sign.Codes{}, repo: keys, revocations: revoked,
		change: func() (app.Change, error) { return app.Change{Actor: "lead"}, nil }}, keys
}

func claims(serial string) app.Claims {
	return app.Claims{Serial: serial, Name: "张三", Title: "PostgreSQL ACE 伙伴", Year: 2026, Issuer: "杭州用户组", Date: "2026-03-31"}
}

func mustSignClaims(t *testing.T, s *TrustService, c app.Claims) string {
	t.Helper()
	p, err := s.signClaims(c)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestTrustVerify(t *testing.T) {
	trust, _ := newTrust(revocationList{"S-1": "", "S-2": "issued by mistake"})
	good := mustSignClaims(t, trust, claims("S-1"))
	revoked := mustSignClaims(t, trust, claims("S-2"))
	unknownSerial := mustSignClaims(t, trust, claims("S-9"))
	otherChapter, err := sign.Sign(claims("S-1"), keyFromSeed(2))
	if err != nil {
		t.Fatal(err)
	}
	// The fields of one certificate under the seal of another.
	tampered := revoked[:strings.LastIndex(revoked, ".")] + good[strings.LastIndex(good, "."):]

	tests := []struct {
		name        string
		input       string
		wantStatus  string
		wantSerial  string
		wantRevoked string
	}{
		{"valid", good, StatusValid, "S-1", ""},
		{"valid with the white space of a paste", "  " + good + "\r\n", StatusValid, "S-1", ""},
		{"revoked", revoked, StatusRevoked, "S-2", "issued by mistake"},
		{"not issued here", unknownSerial, StatusUnknownSerial, "S-9", ""},
		{"another chapter's key", otherChapter, StatusUnknownIssuer, "", ""},
		{"fields swapped", tampered, StatusForged, "", ""},
		{"not a payload", "https://example.com/", StatusMalformed, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := trust.Verify(tt.input)
			if err != nil {
				t.Fatal(err)
			}
			var serial string
			if got.Claims != nil {
				serial = got.Claims.Serial
			}
			if got.Status != tt.wantStatus || serial != tt.wantSerial || got.RevokedReason != tt.wantRevoked || got.Reason == "" {
				t.Errorf("got %+v (serial %q), want status %s serial %q revoked reason %q", got, serial, tt.wantStatus, tt.wantSerial, tt.wantRevoked)
			}
		})
	}
}

func TestTrustTrustsMergedChaptersKeysForTheirOwnCertificates(t *testing.T) {
	trust, _ := newTrust(nil)
	sh, shBefore := keyFromSeed(2), keyFromSeed(3)
	trust.chapterKeys = func() ([]app.ChapterKeys, error) {
		return []app.ChapterKeys{{Chapter: "SH", Keys: []ed25519.PublicKey{sh.Public().(ed25519.PublicKey), shBefore.Public().(ed25519.PublicKey)}}}, nil
	}
	trust.revocations = issuedList{
		"SH-1": {Issued: true, Chapter: "SH"},
		"SH-2": {Issued: true, Revoked: true, RevokedReason: "印错", Chapter: "SH"},
		"HQ-1": {Issued: true},
		"HZ-1": {Issued: true, Chapter: "HZ"},
	}
	signed := func(serial string, key ed25519.PrivateKey) string {
		p, err := sign.Sign(claims(serial), key)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tc := range []struct {
		name, payload, want string
	}{
		{"the chapter's certificate", signed("SH-1", sh), StatusValid},
		{"signed with the key the chapter had before", signed("SH-1", shBefore), StatusValid},
		{"revoked in the chapter's bundle", signed("SH-2", sh), StatusRevoked},
		{"headquarters' own serial under the chapter's key", signed("HQ-1", sh), StatusUnknownSerial},
		{"another chapter's serial under the chapter's key", signed("HZ-1", sh), StatusUnknownSerial},
		{"the chapter's serial under headquarters' key", mustSignClaims(t, trust, claims("SH-1")), StatusUnknownSerial},
		{"headquarters' own certificate", mustSignClaims(t, trust, claims("HQ-1")), StatusValid},
		{"a chapter not merged here", signed("SH-1", keyFromSeed(4)), StatusUnknownIssuer},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := trust.Verify(tc.payload)
			if err != nil || got.Status != tc.want {
				t.Errorf("Verify = %+v, %v; want %s", got, err, tc.want)
			}
		})
	}
}

func TestTrustVerifyFiles(t *testing.T) {
	trust, _ := newTrust(revocationList{"S-1": "", "S-2": "withdrawn"})
	a, b := mustSignClaims(t, trust, claims("S-1")), mustSignClaims(t, trust, claims("S-2"))

	code, err := qr.Encode(a, qr.M, qr.Auto)
	if err != nil {
		t.Fatal(err)
	}
	code, err = barcode.Scale(code, code.Bounds().Dx()*4, code.Bounds().Dy()*4)
	if err != nil {
		t.Fatal(err)
	}
	var img bytes.Buffer
	if err := png.Encode(&img, code); err != nil {
		t.Fatal(err)
	}
	got, err := trust.VerifyImage("scan.png", img.Bytes())
	if err != nil || len(got) != 1 || got[0].Status != StatusValid || got[0].Claims.Name != "张三" {
		t.Errorf("VerifyImage: got %+v, %v", got, err)
	}

	pdf := []byte("%PDF-1.3\n1 0 obj << /Keywords (ACEQR:" + a + " ACEQR:" + b + ") >> endobj\n%%EOF")
	got, err = trust.VerifyPDF("certs.pdf", pdf)
	if err != nil || len(got) != 2 || got[0].Status != StatusValid || got[1].Status != StatusRevoked || got[0].Source != SourceMetadata {
		t.Errorf("VerifyPDF: got %+v, %v; want the metadata's codes, said to be", got, err)
	}

	for _, tt := range []struct {
		name string
		call func() ([]Verification, error)
		want string
	}{
		{"PDF without codes", func() ([]Verification, error) { return trust.VerifyPDF("other.pdf", []byte("%PDF-1.3 %%EOF")) }, "no_certificate_code"},
		{"text as an image", func() ([]Verification, error) { return trust.VerifyImage("notes.png", []byte("hello")) }, "unreadable_file"},
		{"huge file", func() ([]Verification, error) { return trust.VerifyPDF("big.pdf", make([]byte, MaxVerifyBytes+1)) }, "file_too_large"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.call()
			if e := app.AsError(err); e == nil || e.Code != app.CodeInvalid || e.Reason != tt.want {
				t.Errorf("got %v, want invalid/%s", err, tt.want)
			}
		})
	}
}

func TestChapterKeyInfoAndPEM(t *testing.T) {
	trust, repo := newTrust(nil)
	info, err := trust.ChapterKey()
	if err != nil {
		t.Fatal(err)
	}
	pub := repo.key.Public().(ed25519.PublicKey)
	id := app.KeyID(pub)
	if info.KeyID != hex.EncodeToString(id[:]) {
		t.Errorf("key_id = %s, want %x", info.KeyID, id)
	}
	if !regexp.MustCompile(`^[0-9a-f]{4}( [0-9a-f]{4}){3}$`).MatchString(info.Fingerprint) ||
		strings.ReplaceAll(info.Fingerprint, " ", "") != info.KeyID {
		t.Errorf("fingerprint = %q, want key_id %s in groups of four", info.Fingerprint, info.KeyID)
	}
	text, err := trust.ExportPublicKey()
	if err != nil {
		t.Fatal(err)
	}
	block, rest := pem.Decode([]byte(text))
	if block == nil || block.Type != "PUBLIC KEY" || len(rest) != 0 {
		t.Fatalf("not one PEM PUBLIC KEY block: %q", text)
	}
	parsed, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := parsed.(ed25519.PublicKey); !ok || !got.Equal(pub) {
		t.Errorf("PEM holds %v, want the chapter key", parsed)
	}
	if repo.calls != 1 {
		t.Errorf("the key was read %d times, want once", repo.calls)
	}
}

func TestSignClaimsRefusesInvalidClaims(t *testing.T) {
	trust, _ := newTrust(nil)
	c := claims("")
	if _, err := trust.signClaims(c); app.ErrorCode(err) != app.CodeInvalid {
		t.Errorf("empty serial: got %v, want invalid", err)
	}
}
