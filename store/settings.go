package store

import (
	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

var keySettings = []byte("settings")

// GetSettings returns the saved settings and whether any were saved.
func (s *Store) GetSettings() (app.Settings, bool, error) {
	var got app.Settings
	var ok bool
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		ok, err = get(tx.Bucket(bucketSettings), keySettings, &got)
		return err
	})
	return got, ok, err
}

// SaveSettings stores in if in.Version is still the stored version.
func (s *Store) SaveSettings(in app.Settings, c app.Change) (app.Settings, error) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSettings)
		var old app.Settings
		found, err := get(b, keySettings, &old)
		if err != nil {
			return err
		}
		if old.Version != in.Version {
			return app.Errorf(app.CodeConflict, "stale", "the settings were changed elsewhere: reload and try again")
		}
		in.Version = old.Version + 1
		if err := put(b, keySettings, in); err != nil {
			return err
		}
		var before any
		if found {
			before = old
		}
		return appendAudit(tx, c, app.ActionUpdate, "settings", 0, before, in)
	})
	return in, err
}
