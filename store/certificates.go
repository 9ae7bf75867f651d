package store

import (
	"encoding/json"
	"strconv"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

// Certificates are keyed by serial; cert_by_source maps kind/source/member
// to the serial, so issuing the same certificate again finds it.

var keyCertSetup = []byte("certificates")

func certSourceKey(c app.Certificate) []byte {
	return []byte(c.Kind + "/" + c.Source + "/" + strconv.FormatUint(c.MemberID, 10))
}

// IssueCertificates stores the certificates not issued before, numbering
// their serials for chapter and signing them with sign, and counts a
// reprint of those issued before. It returns them in order, as stored, all
// in one transaction.
func (s *Store) IssueCertificates(certs []app.Certificate, chapter string, sign func(app.Certificate) (string, error), ch app.Change) ([]app.Certificate, error) {
	out := make([]app.Certificate, len(certs))
	err := s.db.Update(func(tx *bolt.Tx) error {
		all, bySource := tx.Bucket(bucketCertificates), tx.Bucket(bucketCertBySource)
		for i, c := range certs {
			if serial := bySource.Get(certSourceKey(c)); serial != nil {
				var old app.Certificate
				if _, err := get(all, serial, &old); err != nil {
					return err
				}
				old.Prints++
				if err := put(all, serial, old); err != nil {
					return err
				}
				out[i] = old
				if err := appendAudit(tx, ch, "reprint", "certificate", certAuditID(old), nil, map[string]any{"serial": old.Serial, "prints": old.Prints}); err != nil {
					return err
				}
				continue
			}
			n, err := all.NextSequence()
			if err != nil {
				return err
			}
			c.Serial, c.Prints, c.CreatedAt = app.FormatSerial(c.Year, chapter, n), 1, ch.At
			if c.Payload, err = sign(c); err != nil {
				return err
			}
			if err := put(all, []byte(c.Serial), c); err != nil {
				return err
			}
			if err := bySource.Put(certSourceKey(c), []byte(c.Serial)); err != nil {
				return err
			}
			if err := addMemberRef(tx, c.MemberID, 1); err != nil {
				return err
			}
			out[i] = c
			if err := appendAudit(tx, ch, "issue", "certificate", certAuditID(c), nil, c); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// certAuditID is the certificate's number, the last part of its serial.
func certAuditID(c app.Certificate) uint64 {
	// A merged bundle may carry any serial: never slice past its start.
	n, _ := strconv.ParseUint(c.Serial[max(0, len(c.Serial)-6):], 10, 64)
	return n
}

// GetCertificate loads a certificate by serial.
func (s *Store) GetCertificate(serial string) (app.Certificate, bool, error) {
	var c app.Certificate
	var ok bool
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		ok, err = get(tx.Bucket(bucketCertificates), []byte(serial), &c)
		return err
	})
	return c, ok, err
}

// Certificates lists every certificate, in serial order.
func (s *Store) Certificates() ([]app.Certificate, error) {
	out := []app.Certificate{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketCertificates).ForEach(func(_, v []byte) error {
			var c app.Certificate
			if err := json.Unmarshal(v, &c); err != nil {
				return err
			}
			out = append(out, c)
			return nil
		})
	})
	return out, err
}

// RevokeCertificate marks a certificate revoked, with the reason.
func (s *Store) RevokeCertificate(serial, reason string, ch app.Change) (app.Certificate, error) {
	var c app.Certificate
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketCertificates)
		found, err := get(b, []byte(serial), &c)
		if err != nil {
			return err
		}
		if !found {
			return app.Errorf(app.CodeNotFound, "certificate_not_found", "no certificate %s", serial).WithParams("serial", serial)
		}
		if c.Revoked {
			return app.Errorf(app.CodeConflict, "certificate_revoked", "certificate %s is already revoked", serial).WithParams("serial", serial)
		}
		old := c
		c.Revoked, c.RevokedReason, c.RevokedAt = true, reason, ch.At
		if err := put(b, []byte(serial), c); err != nil {
			return err
		}
		return appendAudit(tx, ch, "revoke", "certificate", certAuditID(c), old, c)
	})
	return c, err
}

// GetCertificateSetup returns the saved setup, if any.
func (s *Store) GetCertificateSetup() (app.CertificateSetup, bool, error) {
	var got app.CertificateSetup
	var ok bool
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		ok, err = get(tx.Bucket(bucketSettings), keyCertSetup, &got)
		return err
	})
	return got, ok, err
}

// SaveCertificateSetup stores in if in.Version is still the stored version.
func (s *Store) SaveCertificateSetup(in app.CertificateSetup, c app.Change) (app.CertificateSetup, error) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSettings)
		var old app.CertificateSetup
		found, err := get(b, keyCertSetup, &old)
		if err != nil {
			return err
		}
		if old.Version != in.Version {
			return app.Errorf(app.CodeConflict, "stale", "the certificate setup was changed elsewhere: reload and try again")
		}
		in.Version = old.Version + 1
		if err := put(b, keyCertSetup, in); err != nil {
			return err
		}
		var before any
		if found {
			before = old
		}
		return appendAudit(tx, c, app.ActionUpdate, "certificate_setup", 0, before, in)
	})
	return in, err
}
