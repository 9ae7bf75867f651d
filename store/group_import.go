package store

import (
	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

// ImportGroups backs the database up, then writes every group in one
// transaction, as CreateGroup and UpdateGroup would.
func (s *Store) ImportGroups(gs []app.Group, c app.Change) ([]app.Group, string, error) {
	backup, err := s.backupBeforeImport(c)
	if err != nil {
		return nil, "", err
	}
	out := make([]app.Group, len(gs))
	err = s.db.Update(func(tx *bolt.Tx) error {
		for i, g := range gs {
			if err := saveGroup(tx, &g, c); err != nil {
				return err
			}
			out[i] = g
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	return out, backup, nil
}
