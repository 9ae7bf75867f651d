package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"strconv"
	"strings"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

// Certificates are keyed by serial; cert_by_source maps kind/source/member
// to the serial, so issuing the same certificate again finds it.

var keyCertSetup = []byte("certificates")

// bucketCertNumbers keeps, per "chapter/year", the number of the last
// certificate issued. Made on the first issue, so it needs no migration.
var bucketCertNumbers = []byte("cert_numbers")

func certSourceKey(c app.Certificate) []byte {
	return []byte(c.Kind + "/" + c.Source + "/" + strconv.FormatUint(c.MemberID, 10))
}

// IssueCertificates stores the certificates not issued before, numbering
// their serials for chapter and their year and signing them with sign;
// those issued before are returned as stored, unchanged. It returns them
// in order, all in one transaction.
func (s *Store) IssueCertificates(certs []app.Certificate, chapter string, sign func(app.Certificate) (string, error), ch app.Change) ([]app.Certificate, error) {
	out := make([]app.Certificate, len(certs))
	err := s.db.Update(func(tx *bolt.Tx) error {
		all, bySource := tx.Bucket(bucketCertificates), tx.Bucket(bucketCertBySource)
		for i, c := range certs {
			if serial := bySource.Get(certSourceKey(c)); serial != nil {
				if _, err := get(all, serial, &out[i]); err != nil {
					return err
				}
				continue
			}
			serial, err := nextSerial(tx, chapter, c.Year)
			if err != nil {
				return err
			}
			c.Serial, c.Prints, c.CreatedAt = serial, 0, ch.At
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

// nextSerial numbers the next certificate of chapter in year: each chapter
// counts its certificates from 1 every year. The count is kept per chapter
// and year; a count not kept yet (a database from before) starts after the
// highest serial of that chapter and year already stored.
func nextSerial(tx *bolt.Tx, chapter string, year int) (string, error) {
	counts, err := tx.CreateBucketIfNotExists(bucketCertNumbers)
	if err != nil {
		return "", err
	}
	all := tx.Bucket(bucketCertificates)
	key := []byte(chapter + "/" + strconv.Itoa(year))
	var n uint64
	if v := counts.Get(key); len(v) == 8 {
		n = binary.BigEndian.Uint64(v)
	} else {
		prefix := []byte(strings.TrimSuffix(app.FormatSerial(year, chapter, 0), "000000"))
		cur := all.Cursor()
		for k, _ := cur.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = cur.Next() {
			if m, err := strconv.ParseUint(string(k[len(prefix):]), 10, 64); err == nil {
				n = max(n, m)
			}
		}
	}
	for {
		n++
		serial := app.FormatSerial(year, chapter, n)
		// A merged bundle may hold any serial: never hand one out twice.
		if all.Get([]byte(serial)) == nil {
			return serial, counts.Put(key, binary.BigEndian.AppendUint64(nil, n))
		}
	}
}

// CountPrints counts one paper printed of each certificate, in one
// transaction, each with its audit entry.
func (s *Store) CountPrints(serials []string, ch app.Change) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		all := tx.Bucket(bucketCertificates)
		for _, serial := range serials {
			var c app.Certificate
			found, err := get(all, []byte(serial), &c)
			if err != nil {
				return err
			}
			if !found {
				return app.Errorf(app.CodeNotFound, "certificate_not_found", "no certificate %s", serial).WithParams("serial", serial)
			}
			c.Prints++
			if err := put(all, []byte(serial), c); err != nil {
				return err
			}
			if err := appendAudit(tx, ch, "print", "certificate", certAuditID(c), nil, map[string]any{"serial": c.Serial, "prints": c.Prints}); err != nil {
				return err
			}
		}
		return nil
	})
}

// ChapterHasIssued reports whether a certificate numbered for chapter is
// stored: once one is, the chapter's code is part of a printed serial.
func (s *Store) ChapterHasIssued(chapter string) (bool, error) {
	found := false
	err := s.db.View(func(tx *bolt.Tx) error {
		if counts := tx.Bucket(bucketCertNumbers); counts != nil {
			k, _ := counts.Cursor().Seek([]byte(chapter + "/"))
			if k != nil && bytes.HasPrefix(k, []byte(chapter+"/")) {
				found = true
				return nil
			}
		}
		infix := "-" + chapter + "-"
		return tx.Bucket(bucketCertificates).ForEach(func(k, _ []byte) error {
			if strings.HasPrefix(string(k), app.SerialPrefix+"-") && strings.Contains(string(k), infix) {
				found = true
			}
			return nil
		})
	})
	return found, err
}

// certAuditID is the certificate's year and number from its serial,
// YYYYNNNNNN: numbers start again each year.
func certAuditID(c app.Certificate) uint64 {
	// A merged bundle may carry any serial: never slice past its start.
	n, _ := strconv.ParseUint(c.Serial[max(0, len(c.Serial)-6):], 10, 64)
	var year uint64
	if parts := strings.Split(c.Serial, "-"); len(parts) > 1 && len(parts[1]) == 4 {
		year, _ = strconv.ParseUint(parts[1], 10, 64)
	}
	return year*1_000_000 + n
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
