package store

import (
	"encoding/json"
	"strconv"
	"strings"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

// ExportSnapshot reads everything an export writes in one transaction, so
// the tables of one file agree with each other.
func (s *Store) ExportSnapshot() (app.Snapshot, error) {
	snap := app.Snapshot{TrophyOrders: map[string]map[uint64]app.TrophyOrder{}}
	err := s.db.View(func(tx *bolt.Tx) error {
		if err := decodeAll(tx.Bucket(bucketMembers), &snap.Members); err != nil {
			return err
		}
		if err := decodeAll(tx.Bucket(bucketContributions), &snap.Contributions); err != nil {
			return err
		}
		if err := decodeAll(tx.Bucket(bucketBatches), &snap.Batches); err != nil {
			return err
		}
		if err := decodeAll(tx.Bucket(bucketCertificates), &snap.Certificates); err != nil {
			return err
		}
		return tx.Bucket(bucketTrophies).ForEach(func(k, v []byte) error {
			batch, member, ok := strings.Cut(string(k), "/")
			id, err := strconv.ParseUint(member, 10, 64)
			if !ok || err != nil {
				return app.Errorf(app.CodeInternal, "corrupt", "trophy key %q is not <batch>/<member>", k)
			}
			var o app.TrophyOrder
			if err := json.Unmarshal(v, &o); err != nil {
				return err
			}
			if snap.TrophyOrders[batch] == nil {
				snap.TrophyOrders[batch] = map[uint64]app.TrophyOrder{}
			}
			snap.TrophyOrders[batch][id] = o
			return nil
		})
	})
	return snap, err
}

// decodeAll appends every JSON value of b to out.
func decodeAll[T any](b *bolt.Bucket, out *[]T) error {
	return b.ForEach(func(_, v []byte) error {
		var item T
		if err := json.Unmarshal(v, &item); err != nil {
			return err
		}
		*out = append(*out, item)
		return nil
	})
}
