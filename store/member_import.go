package store

import (
	"fmt"
	"os"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

// MembersByContacts returns, each once, the members holding any of the
// phones or emails, all read in one transaction.
func (s *Store) MembersByContacts(phones, emails []string) ([]app.Member, error) {
	out := []app.Member{}
	err := s.db.View(func(tx *bolt.Tx) error {
		seen := map[uint64]bool{}
		for _, lookup := range []struct {
			bucket []byte
			keys   []string
		}{{bucketPhones, phones}, {bucketEmails, emails}} {
			idx := tx.Bucket(lookup.bucket)
			for _, k := range lookup.keys {
				if k == "" {
					continue
				}
				holder := idx.Get([]byte(k))
				if holder == nil || seen[btoi(holder)] {
					continue
				}
				m, err := loadMember(tx, btoi(holder))
				if err != nil {
					return err
				}
				seen[m.ID] = true
				out = append(out, m)
			}
		}
		return nil
	})
	return out, err
}

// ImportMembers backs the database up to <db>.before-import-<time>.bak, then
// writes ms in one transaction: members with ID 0 are created, the others
// updated if their Version is still the stored one. Any refusal (a stale
// version, a phone or email taken since the file was checked) writes
// nothing. It returns the stored members in order and the backup's path.
func (s *Store) ImportMembers(ms []app.Member, c app.Change) ([]app.Member, string, error) {
	backup, err := s.backupBeforeImport(c)
	if err != nil {
		return nil, "", err
	}
	out := make([]app.Member, len(ms))
	err = s.db.Update(func(tx *bolt.Tx) error {
		for i, m := range ms {
			var err error
			if m.ID == 0 {
				out[i], err = createMember(tx, m, c)
			} else {
				out[i], err = updateMember(tx, app.ActionUpdate, m, c)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	return out, backup, nil
}

// backupBeforeImport copies the database to <db>.before-import-<time>.bak
// and returns the copy's path.
func (s *Store) backupBeforeImport(c app.Change) (string, error) {
	stamp := c.At.UTC().Format("20060102T150405Z")
	backup := fmt.Sprintf("%s.before-import-%s.bak", s.path, stamp)
	// Two imports in one second must not overwrite the first one's backup.
	for n := 2; fileExists(backup); n++ {
		backup = fmt.Sprintf("%s.before-import-%s-%d.bak", s.path, stamp, n)
	}
	if err := s.BackupToFile(backup); err != nil {
		return "", fmt.Errorf("backup before import: %w", err)
	}
	return backup, nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
