package app

import "crypto/ed25519"

// BadgeIssuer exports a certificate as a signed Open Badges 3.0
// credential (app/badge), signed with the chapter's key.
type BadgeIssuer interface {
	OpenBadge(c Certificate, setup CertificateSetup, key ed25519.PrivateKey) ([]byte, error)
}
