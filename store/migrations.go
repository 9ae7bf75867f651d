package store

import (
	"bytes"
	"fmt"
	"os"
	"strconv"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

// Migration brings the schema from Version-1 to Version. Migrations run in
// order, each in its own transaction with the version bump.
type Migration struct {
	Version int
	Name    string
	Apply   func(tx *bolt.Tx) error
}

// migrations is the ordered schema history. Append only; never edit one
// that has shipped.
var migrations = []Migration{
	{Version: 1, Name: "roster", Apply: func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketSettings, bucketMembers, bucketMemberIndex, bucketPhones,
			bucketEmails, bucketMemberRefs, bucketAudit, bucketAuditIndex} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	}},
	{Version: 2, Name: "contributions and rules per year", Apply: func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketContributions, bucketContribByMember, bucketContribByYear, bucketYearRules} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	}},
	{Version: 3, Name: "groups, events, decisions, batches and renewals", Apply: func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketGroups, bucketDecisions, bucketEvents, bucketBatches, bucketRenewals, bucketHoldings} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	}},
	// The key itself is made on first use (Store.ChapterKey), so that its
	// creation is audited with the operator's name.
	{Version: 4, Name: "chapter key", Apply: func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(bucketKeys)
		return err
	}},
	{Version: 5, Name: "certificates and trophies", Apply: func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketCertificates, bucketCertBySource, bucketTrophies} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	}},
	{Version: 6, Name: "event attendees", Apply: func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(bucketAttendees)
		return err
	}},
	{Version: 7, Name: "merged chapters", Apply: func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketChapters, bucketMergedIDs, bucketOrigins, bucketChapterRecords} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	}},
	// Paired LAN devices survive a restart of the hub; their sessions are
	// found by the hash of the token.
	{Version: 8, Name: "paired devices", Apply: func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketDevices, bucketDeviceTokens} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	}},
	{Version: 9, Name: "chapter audit in chunks", Apply: chunkChapterAudits},
	{Version: 10, Name: "chapter audit compressed", Apply: compressChapterAudits},
	{Version: 11, Name: "merged IDs in blocks", Apply: blockMergedIDs},
	{Version: 12, Name: "contributions listed per member", Apply: listMemberContributions},
	{Version: 13, Name: "contributions in a compact form", Apply: compactContributions},
	{Version: 14, Name: "the honor ledger: a holding per member and year", Apply: ledgerFromHistory},
	{Version: 15, Name: "certificate prints count papers", Apply: zeroCertificatePrints},
}

// zeroCertificatePrints starts every certificate's print count afresh. It
// used to count issues and downloads too, which put "补发 / Reprint" on
// first papers; now it counts papers printed, and the old count cannot
// tell which of its prints were papers.
func zeroCertificatePrints(tx *bolt.Tx) error {
	b := tx.Bucket(bucketCertificates)
	var keys [][]byte
	if err := b.ForEach(func(k, _ []byte) error {
		keys = append(keys, bytes.Clone(k))
		return nil
	}); err != nil {
		return err
	}
	for _, k := range keys {
		var c app.Certificate
		if _, err := get(b, k, &c); err != nil {
			return err
		}
		if c.Prints == 0 {
			continue
		}
		c.Prints = 0
		if err := put(b, k, c); err != nil {
			return err
		}
	}
	return nil
}

// CurrentSchema is the schema version this build writes.
func CurrentSchema() int { return migrations[len(migrations)-1].Version }

// SchemaVersion reads the version stored in the file (0 for a new file).
func (s *Store) SchemaVersion() (int, error) {
	var v int
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		v, err = schemaVersion(tx)
		return err
	})
	return v, err
}

func schemaVersion(tx *bolt.Tx) (int, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return 0, nil
	}
	raw := meta.Get(keySchema)
	if raw == nil {
		return 0, nil
	}
	return strconv.Atoi(string(raw))
}

func (s *Store) migrate(list []Migration, clock app.Clock) error {
	current, err := s.SchemaVersion()
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	latest := list[len(list)-1].Version
	if current > latest {
		return &app.Error{Code: app.CodeConflict, Reason: "db_too_new",
			Message: fmt.Sprintf("the database has schema %d but this ACE Desk knows only up to %d: use a newer ACE Desk", current, latest),
			Params:  map[string]string{"have": strconv.Itoa(current), "know": strconv.Itoa(latest)}}
	}
	backedUp := current == 0 // a new file has nothing to lose
	for _, m := range list {
		if m.Version <= current {
			continue
		}
		if !backedUp {
			name := fmt.Sprintf("%s.before-v%d-%s.bak", s.path, m.Version, clock.Now().UTC().Format("20060102T150405Z"))
			if err := s.BackupToFile(name); err != nil {
				return fmt.Errorf("backup before migration %d: %w", m.Version, err)
			}
			backedUp = true
		}
		err := s.db.Update(func(tx *bolt.Tx) error {
			meta, err := tx.CreateBucketIfNotExists(bucketMeta)
			if err != nil {
				return err
			}
			if err := meta.Put(keyApp, appMarker); err != nil {
				return err
			}
			if err := m.Apply(tx); err != nil {
				return err
			}
			return meta.Put(keySchema, []byte(strconv.Itoa(m.Version)))
		})
		if err != nil {
			return fmt.Errorf("migration %d (%s): %w", m.Version, m.Name, err)
		}
	}
	return nil
}

// removeQuiet deletes a temporary file, ignoring a file that is already gone.
func removeQuiet(path string) {
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		fmt.Fprintf(os.Stderr, "acedesk: could not remove %s: %v\n", path, err)
	}
}
