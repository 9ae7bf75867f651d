package store

import (
	"encoding/json"
	"strconv"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

// Batches are keyed by their name ("2026-Q2"), renewals by year, holdings
// by member. Published batches and confirmed renewals are written once and
// never updated; holdings change with each batch, renewal and correction.

// GetBatch loads a published batch.
func (s *Store) GetBatch(id string) (app.Batch, bool, error) {
	var b app.Batch
	var ok bool
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		ok, err = get(tx.Bucket(bucketBatches), []byte(id), &b)
		return err
	})
	return b, ok, err
}

// PublishBatch freezes a batch and gives its members their levels through
// the next year, refusing a batch already published.
func (s *Store) PublishBatch(b app.Batch, ch app.Change) (app.Batch, error) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		bucket := tx.Bucket(bucketBatches)
		if bucket.Get([]byte(b.ID)) != nil {
			return app.Errorf(app.CodeConflict, "batch_published", "batch %s is already published", b.ID).WithParams("batch", b.ID)
		}
		b.Published, b.PublishedAt, b.PublishedBy = true, ch.At, ch.Actor
		if err := put(bucket, []byte(b.ID), b); err != nil {
			return err
		}
		for _, e := range b.Entries {
			h := app.Holding{MemberID: e.MemberID, Level: e.Level, From: b.Year, ValidThrough: b.Year + 1, Source: "batch:" + b.ID}
			if err := setHolding(tx, h, ch); err != nil {
				return err
			}
		}
		return appendAudit(tx, ch, "publish", "batch", batchKey(b), nil, b)
	})
	return b, err
}

// batchKey numbers a batch for the audit index: 20262 for 2026-Q2.
func batchKey(b app.Batch) uint64 { return uint64(b.Year*10 + b.Quarter) }

// GetRenewal loads a confirmed renewal.
func (s *Store) GetRenewal(year int) (app.Renewal, bool, error) {
	var r app.Renewal
	var ok bool
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		ok, err = get(tx.Bucket(bucketRenewals), yearPrefix(year), &r)
		return err
	})
	return r, ok, err
}

// ConfirmRenewal freezes the review of r.Year and sets every reviewed
// holder's level through r.Year+1; a lapse removes the holding.
func (s *Store) ConfirmRenewal(r app.Renewal, ch app.Change) (app.Renewal, error) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		bucket := tx.Bucket(bucketRenewals)
		if bucket.Get(yearPrefix(r.Year)) != nil {
			return app.Errorf(app.CodeConflict, "renewal_confirmed", "the renewal of %d is already confirmed", r.Year).
				WithParams("year", strconv.Itoa(r.Year))
		}
		r.Confirmed, r.ConfirmedAt, r.ConfirmedBy = true, ch.At, ch.Actor
		if err := put(bucket, yearPrefix(r.Year), r); err != nil {
			return err
		}
		source := "renewal:" + strconv.Itoa(r.Year)
		for _, e := range r.Entries {
			h := app.Holding{MemberID: e.MemberID, Level: e.To, From: r.Year + 1, ValidThrough: r.Year + 1, Source: source}
			if err := setHolding(tx, h, ch); err != nil {
				return err
			}
		}
		return appendAudit(tx, ch, "confirm", "renewal", uint64(r.Year), nil, r)
	})
	return r, err
}

// Holdings lists every member's holding, in member order.
func (s *Store) Holdings() ([]app.Holding, error) {
	out := []app.Holding{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketHoldings).ForEach(func(k, _ []byte) error {
			var h app.Holding
			if _, err := get(tx.Bucket(bucketHoldings), k, &h); err != nil {
				return err
			}
			out = append(out, h)
			return nil
		})
	})
	return out, err
}

// HoldingsOf reads the holdings of the given members, skipping those
// without one.
func (s *Store) HoldingsOf(memberIDs []uint64) ([]app.Holding, error) {
	out := []app.Holding{}
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketHoldings)
		for _, id := range memberIDs {
			var h app.Holding
			ok, err := get(b, itob(id), &h)
			if err != nil {
				return err
			}
			if ok {
				out = append(out, h)
			}
		}
		return nil
	})
	return out, err
}

// setHolding writes a member's holding, removing it at level none, and
// audits the change.
func setHolding(tx *bolt.Tx, h app.Holding, ch app.Change) error {
	b := tx.Bucket(bucketHoldings)
	key := itob(h.MemberID)
	var old app.Holding
	found, err := get(b, key, &old)
	if err != nil {
		return err
	}
	var before, after any
	if found {
		before = old
	}
	if h.Level == "" || h.Level == "none" {
		err = b.Delete(key)
	} else {
		after = h
		err = put(b, key, h)
	}
	if err != nil {
		return err
	}
	return appendAudit(tx, ch, app.ActionUpdate, "holding", h.MemberID, before, after)
}

// batchYear reads the year out of a batch key, for listing by year.
func batchYear(key []byte) int {
	y, _ := strconv.Atoi(string(key[:4]))
	return y
}

// Batches lists the published batches of year, in quarter order.
func (s *Store) Batches(year int) ([]app.Batch, error) {
	out := []app.Batch{}
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketBatches).Cursor()
		prefix := []byte(strconv.Itoa(year) + "-")
		for k, v := c.Seek(prefix); k != nil && batchYear(k) == year; k, v = c.Next() {
			var b app.Batch
			if err := json.Unmarshal(v, &b); err != nil {
				return err
			}
			out = append(out, b)
		}
		return nil
	})
	return out, err
}
