package store

import (
	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

// ImportGroups backs the database up, then writes every group in one
// transaction, as CreateGroup and UpdateGroup would.
func (s *Store) ImportGroups(gs []app.Group, c app.Change) (string, error) {
	backup, err := s.backupBeforeImport(c)
	if err != nil {
		return "", err
	}
	return backup, s.db.Update(func(tx *bolt.Tx) error {
		for _, g := range gs {
			if err := saveGroup(tx, &g, c); err != nil {
				return err
			}
		}
		return nil
	})
}
