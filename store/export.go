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
		if err := decodeAll(tx.Bucket(bucketMembers), &snap.Members, fromJSON[app.Member]); err != nil {
			return err
		}
		if err := decodeAll(tx.Bucket(bucketContributions), &snap.Contributions, decodeContribution); err != nil {
			return err
		}
		if err := decodeAll(tx.Bucket(bucketBatches), &snap.Batches, fromJSON[app.Batch]); err != nil {
			return err
		}
		if err := decodeAll(tx.Bucket(bucketCertificates), &snap.Certificates, fromJSON[app.Certificate]); err != nil {
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

// decodeAll decodes every value of b into out, in key order. Decoding is
// most of an export's time (200,000 contributions), so it is spread over
// the processors; the values stay valid until the transaction ends, which
// is after decodeAll returns.
func decodeAll[T any](b *bolt.Bucket, out *[]T, decode func([]byte) (T, error)) error {
	var raw [][]byte
	if err := b.ForEach(func(_, v []byte) error {
		raw = append(raw, v)
		return nil
	}); err != nil {
		return err
	}
	*out = make([]T, len(raw))
	return app.InParallel(len(raw), func(i int) error {
		var err error
		(*out)[i], err = decode(raw[i])
		return err
	})
}

// fromJSON is decodeAll's decode for the records kept as JSON.
func fromJSON[T any](data []byte) (T, error) {
	var v T
	err := json.Unmarshal(data, &v)
	return v, err
}
