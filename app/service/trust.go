package service

import (
	"bytes"
	"crypto/ed25519"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"acedesk/app"
)

// KeyInfo describes the chapter's signing key for people: the ID printed in
// every certificate's code, and a fingerprint to compare by reading aloud.
type KeyInfo struct {
	KeyID       string    `json:"key_id"`
	PublicKey   string    `json:"public_key"`
	Fingerprint string    `json:"fingerprint"`
	CreatedAt   time.Time `json:"created_at"`
}

// Verification statuses.
const (
	StatusValid         = "valid"
	StatusRevoked       = "revoked"
	StatusForged        = "forged"
	StatusUnknownIssuer = "unknown_issuer"
	StatusMalformed     = "malformed"
	// StatusUnknownSerial: signed by a trusted key, but this database has
	// no certificate with that serial.
	StatusUnknownSerial = "unknown_serial"
)

// Verification is the verdict on one certificate code. Claims are set only
// when the signature holds; Reason is an English detail for the command
// line and logs (the UI translates Status).
type Verification struct {
	Status        string      `json:"status"`
	Claims        *app.Claims `json:"claims,omitempty"`
	Reason        string      `json:"reason"`
	RevokedReason string      `json:"revoked_reason,omitempty"`
	// Signer names the key whose signature holds, when one of the keys
	// trusted here does: this database's own or a merged chapter's.
	Signer *Signer `json:"signer,omitempty"`
	// Source says, for a code read from a PDF, where: the QR code printed
	// on the page, or only the file's metadata.
	Source string `json:"source,omitempty"`
}

// Where a PDF's code was read.
const (
	SourcePrintedQR = "printed_qr"
	SourceMetadata  = "metadata"
)

// Signer is the key that signed a code: the chapter it is trusted for
// ("" for this database's own key) and its fingerprint, so that whoever
// checks can tell a chapter's certificate from headquarters' own.
type Signer struct {
	Chapter     string `json:"chapter"`
	Fingerprint string `json:"fingerprint"`
}

// IssuedCertificate is what this database records of a certificate serial.
type IssuedCertificate struct {
	Issued        bool   `json:"issued"`
	Revoked       bool   `json:"revoked"`
	RevokedReason string `json:"revoked_reason"`
	// Chapter is the merged chapter the certificate came from, "" for one
	// issued here.
	Chapter string `json:"chapter"`
}

// Revocations answers whether a certificate serial was issued (here, or by
// a chapter merged here) and whether it was revoked since.
type Revocations interface {
	Revocation(serial string) (IssuedCertificate, error)
}

// MaxVerifyBytes bounds an image or PDF handed to VerifyImage or VerifyPDF.
const MaxVerifyBytes = 32 << 20

// TrustService shows the chapter's key and checks certificate codes. It
// signs nothing for the UI: signing is signClaims, for the certificate code
// in this package only.
type TrustService struct {
	codes app.Codes
	repo  app.KeyRepository
	// change names who makes the key, for its audit entry.
	change      func() (app.Change, error)
	revocations Revocations
	// chapterKeys lists the merged chapters' keys (headquarters), nil
	// where there are none to ask for.
	chapterKeys func() ([]app.ChapterKeys, error)

	mu      sync.Mutex
	key     ed25519.PrivateKey
	created time.Time
}

// chapterKey loads (on first use, makes) the key once per process.
func (s *TrustService) chapterKey() (ed25519.PrivateKey, time.Time, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.key != nil {
		return s.key, s.created, nil
	}
	ch, err := s.change()
	if err != nil {
		return nil, time.Time{}, err
	}
	key, created, err := s.repo.ChapterKey(ch)
	if err != nil {
		return nil, time.Time{}, err
	}
	s.key, s.created = key, created
	return key, created, nil
}

// ChapterKey describes the chapter's public key.
func (s *TrustService) ChapterKey() (KeyInfo, error) {
	key, created, err := s.chapterKey()
	if err != nil {
		return KeyInfo{}, err
	}
	pub := key.Public().(ed25519.PublicKey)
	id := app.KeyID(pub)
	return KeyInfo{
		KeyID:       hex.EncodeToString(id[:]),
		PublicKey:   base64.StdEncoding.EncodeToString(pub),
		Fingerprint: app.Fingerprint(pub),
		CreatedAt:   created,
	}, nil
}

// ExportPublicKey is the chapter's public key as PEM (PKIX "PUBLIC KEY"),
// for headquarters and anyone who checks certificates.
func (s *TrustService) ExportPublicKey() (string, error) {
	key, _, err := s.chapterKey()
	if err != nil {
		return "", err
	}
	der, err := x509.MarshalPKIXPublicKey(key.Public())
	if err != nil {
		return "", err
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})), nil
}

// verifySigned checks a payload's signature against our key, then each
// merged chapter's keys, and says whose key signed it.
func (s *TrustService) verifySigned(payload string) (app.Claims, Signer, error) {
	key, _, err := s.chapterKey()
	if err != nil {
		return app.Claims{}, Signer{}, err
	}
	own := key.Public().(ed25519.PublicKey)
	claims, err := s.codes.Verify(payload, []ed25519.PublicKey{own})
	if !errors.Is(err, app.ErrUnknownIssuer) || s.chapterKeys == nil {
		return claims, Signer{Fingerprint: app.Fingerprint(own)}, err
	}
	chapters, listErr := s.chapterKeys()
	if listErr != nil {
		return app.Claims{}, Signer{}, listErr
	}
	for _, c := range chapters {
		for _, k := range c.Keys {
			if claims, err := s.codes.Verify(payload, []ed25519.PublicKey{k}); !errors.Is(err, app.ErrUnknownIssuer) {
				return claims, Signer{Chapter: c.Chapter, Fingerprint: app.Fingerprint(k)}, err
			}
		}
	}
	return app.Claims{}, Signer{}, err
}

// Verify checks one payload, as scanned or pasted. Surrounding white space
// is dropped; anything else in the text counts. At headquarters a merged
// chapter's certificate verifies by that chapter's key and is valid only as
// that chapter's: a chapter's key cannot vouch for another's serial.
func (s *TrustService) Verify(input string) (Verification, error) {
	claims, signer, err := s.verifySigned(strings.TrimSpace(input))
	switch {
	case errors.Is(err, app.ErrCodeMalformed):
		return Verification{Status: StatusMalformed, Reason: err.Error()}, nil
	case errors.Is(err, app.ErrUnknownIssuer):
		return Verification{Status: StatusUnknownIssuer, Reason: err.Error()}, nil
	case errors.Is(err, app.ErrCodeForged):
		return Verification{Status: StatusForged, Reason: err.Error()}, nil
	case err != nil:
		return Verification{}, err
	}
	rec, err := s.revocations.Revocation(claims.Serial)
	if err != nil {
		return Verification{}, err
	}
	v := Verification{Claims: &claims, Signer: &signer}
	switch {
	case !rec.Issued:
		v.Status, v.Reason = StatusUnknownSerial, "signed by a trusted key, but no certificate "+claims.Serial+" was issued from this database"
	case rec.Chapter != signer.Chapter:
		v.Status, v.Reason = StatusUnknownSerial, "signed by "+issuerName(signer.Chapter)+", but certificate "+claims.Serial+" here is "+issuerName(rec.Chapter)+"'s"
	case rec.Revoked:
		v.Status, v.Reason, v.RevokedReason = StatusRevoked, "the certificate was revoked", rec.RevokedReason
	default:
		v.Status, v.Reason = StatusValid, "signed by a trusted key and not revoked"
	}
	return v, nil
}

// CertificateIssuer is the merged chapter a certificate here came from, ""
// for one this database issued. It is a function, not a method, so that
// the UI does not bind it: the public check page asks it through the hub.
func CertificateIssuer(s *TrustService, serial string) (string, error) {
	rec, err := s.revocations.Revocation(serial)
	return rec.Chapter, err
}

func issuerName(chapter string) string {
	if chapter == "" {
		return "this database's own key"
	}
	return "chapter " + chapter
}

// VerifyImage checks every certificate code in a PNG or JPEG image.
func (s *TrustService) VerifyImage(name string, data []byte) ([]Verification, error) {
	if err := checkVerifySize(name, data); err != nil {
		return nil, err
	}
	payloads, err := s.codes.FromImage(bytes.NewReader(data))
	if err != nil {
		return nil, noPayload(name, err)
	}
	return s.verifyAll(payloads)
}

// VerifyPDF checks every certificate code that ACE Desk wrote into a PDF.
func (s *TrustService) VerifyPDF(name string, data []byte) ([]Verification, error) {
	if err := checkVerifySize(name, data); err != nil {
		return nil, err
	}
	codes, err := s.codes.FromPDF(data)
	if err != nil {
		return nil, noPayload(name, err)
	}
	out := make([]Verification, 0, len(codes))
	for _, c := range codes {
		v, err := s.Verify(c.Payload)
		if err != nil {
			return nil, err
		}
		v.Source = SourceMetadata
		if c.Printed {
			v.Source = SourcePrintedQR
		}
		out = append(out, v)
	}
	return out, nil
}

func (s *TrustService) verifyAll(payloads []string) ([]Verification, error) {
	out := make([]Verification, 0, len(payloads))
	for _, p := range payloads {
		v, err := s.Verify(p)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func checkVerifySize(name string, data []byte) error {
	if len(data) > MaxVerifyBytes {
		return app.Errorf(app.CodeInvalid, "file_too_large", "%s is larger than %d MB", name, MaxVerifyBytes>>20).
			WithParams("name", name, "max_mb", strconv.Itoa(MaxVerifyBytes>>20))
	}
	return nil
}

// noPayload says that a file holds no readable certificate code (or is
// not an image at all), as an error the UI translates.
func noPayload(name string, err error) error {
	if errors.Is(err, app.ErrNoCode) {
		return app.Errorf(app.CodeInvalid, "no_certificate_code", "%s: no certificate code found", name).WithParams("name", name)
	}
	if errors.Is(err, app.ErrImagesBusy) {
		return app.Errorf(app.CodeConflict, "images_busy", "%s: too many photos are being read at once: try again in a moment", name).WithParams("name", name)
	}
	if errors.Is(err, app.ErrImageTooLarge) {
		return app.Errorf(app.CodeInvalid, "image_too_large", "%s: %v", name, err).WithParams("name", name, "max_mp", strconv.Itoa(app.MaxImagePixels/1_000_000))
	}
	return app.Errorf(app.CodeInvalid, "unreadable_file", "%s: %v", name, err).WithParams("name", name)
}

// signClaims makes the payload of a certificate. It is unexported so that
// no UI or LAN caller can sign claims of its choosing: only the
// certificate code in this package signs, for certificates it records.
func (s *TrustService) signClaims(c app.Claims) (string, error) {
	key, _, err := s.chapterKey()
	if err != nil {
		return "", err
	}
	p, err := s.codes.Sign(c, key)
	if errors.Is(err, app.ErrInvalidClaims) {
		return "", app.Errorf(app.CodeInvalid, "invalid_claims", "%v", err)
	}
	return p, err
}
