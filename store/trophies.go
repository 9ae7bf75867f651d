package store

import (
	"strconv"
	"strings"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

// Trophy orders are keyed by "<batch>/<member ID>".

func trophyKey(batchID string, memberID uint64) []byte {
	return []byte(batchID + "/" + strconv.FormatUint(memberID, 10))
}

// TrophyOrders returns a batch's saved orders by member.
func (s *Store) TrophyOrders(batchID string) (map[uint64]app.TrophyOrder, error) {
	out := map[uint64]app.TrophyOrder{}
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTrophies)
		prefix := batchID + "/"
		c := b.Cursor()
		for k, _ := c.Seek([]byte(prefix)); k != nil && strings.HasPrefix(string(k), prefix); k, _ = c.Next() {
			id, err := strconv.ParseUint(string(k[len(prefix):]), 10, 64)
			if err != nil {
				return err
			}
			var o app.TrophyOrder
			if _, err := get(b, k, &o); err != nil {
				return err
			}
			out[id] = o
		}
		return nil
	})
	return out, err
}

// SaveTrophyOrder stores an order if its Version is the stored one.
func (s *Store) SaveTrophyOrder(batchID string, memberID uint64, o app.TrophyOrder, ch app.Change) (app.TrophyOrder, error) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTrophies)
		key := trophyKey(batchID, memberID)
		var old app.TrophyOrder
		found, err := get(b, key, &old)
		if err != nil {
			return err
		}
		if old.Version != o.Version {
			return app.Errorf(app.CodeConflict, "stale", "the trophy was changed by someone else: reload and try again")
		}
		o.Version = old.Version + 1
		if err := put(b, key, o); err != nil {
			return err
		}
		var before any
		if found {
			before = old
		}
		return appendAudit(tx, ch, app.ActionUpdate, "trophy:"+batchID, memberID, before, o)
	})
	return o, err
}
