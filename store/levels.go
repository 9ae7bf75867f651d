package store

import (
	"encoding/binary"
	"encoding/json"
	"strconv"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

// Batches are keyed by their name ("2026-Q2"), renewals by year. The
// honor ledger keeps one holding per member and year, keyed by year (2
// bytes, big-endian) then member (8): who holds a level in a year is one
// prefix of it. Published batches are written once; a confirmed renewal
// changes only by its amendments; a holding keeps what it was before in
// its history, and nothing ever writes another year's.

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

// PublishBatch freezes a batch and writes the holdings it gives, refusing
// a batch already published.
func (s *Store) PublishBatch(b app.Batch, holdings []app.Holding, ch app.Change) (app.Batch, error) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		bucket := tx.Bucket(bucketBatches)
		if bucket.Get([]byte(b.ID)) != nil {
			return app.Errorf(app.CodeConflict, "batch_published", "batch %s is already published", b.ID).WithParams("batch", b.ID)
		}
		b.Published, b.PublishedAt, b.PublishedBy = true, ch.At, ch.Actor
		if err := put(bucket, []byte(b.ID), b); err != nil {
			return err
		}
		if err := setHoldings(tx, holdings, ch); err != nil {
			return err
		}
		return appendAudit(tx, ch, "publish", "batch", batchKey(b), nil, b)
	})
	return b, err
}

// batchKey numbers a batch for the audit index: 20262 for 2026-Q2, and
// 1202601 for 2026-S1, apart from every quarter.
func batchKey(b app.Batch) uint64 {
	if b.Supplement > 0 {
		return uint64(1_000_000 + b.Year*100 + b.Supplement)
	}
	return uint64(b.Year*10 + b.Quarter)
}

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

// SaveRenewal writes a renewal as confirmed or amended, and the holdings
// it gives; first says it is the first confirmation, which must not find
// one already there.
func (s *Store) SaveRenewal(r app.Renewal, first bool, holdings []app.Holding, ch app.Change) (app.Renewal, error) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		bucket := tx.Bucket(bucketRenewals)
		if first && bucket.Get(yearPrefix(r.Year)) != nil {
			return app.Errorf(app.CodeConflict, "renewal_confirmed", "the renewal of %d is already confirmed", r.Year).
				WithParams("year", strconv.Itoa(r.Year))
		}
		if err := put(bucket, yearPrefix(r.Year), r); err != nil {
			return err
		}
		if err := setHoldings(tx, holdings, ch); err != nil {
			return err
		}
		action := "amend"
		if first {
			action = "confirm"
		}
		return appendAudit(tx, ch, action, "renewal", uint64(r.Year), nil, r)
	})
	return r, err
}

func ledgerKey(year int, member uint64) []byte {
	return binary.BigEndian.AppendUint64(yearPrefix(year), member)
}

// HoldingsIn lists the holdings of year, in member order.
func (s *Store) HoldingsIn(year int) ([]app.Holding, error) {
	out := []app.Holding{}
	err := s.db.View(func(tx *bolt.Tx) error {
		prefix := yearPrefix(year)
		c := tx.Bucket(bucketLedger).Cursor()
		for k, v := c.Seek(prefix); k != nil && string(k[:2]) == string(prefix); k, v = c.Next() {
			var h app.Holding
			if err := json.Unmarshal(v, &h); err != nil {
				return err
			}
			out = append(out, h)
		}
		return nil
	})
	return out, err
}

// HoldingsOf reads the holdings of these members in year, skipping those
// without one.
func (s *Store) HoldingsOf(year int, memberIDs []uint64) ([]app.Holding, error) {
	out := []app.Holding{}
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketLedger)
		for _, id := range memberIDs {
			var h app.Holding
			ok, err := get(b, ledgerKey(year, id), &h)
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

// MemberHoldings lists a member's holdings, year by year.
func (s *Store) MemberHoldings(member uint64) ([]app.Holding, error) {
	out := []app.Holding{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return eachLedgerYear(tx, func(year int) error {
			var h app.Holding
			ok, err := get(tx.Bucket(bucketLedger), ledgerKey(year, member), &h)
			if ok {
				out = append(out, h)
			}
			return err
		})
	})
	return out, err
}

// eachLedgerYear calls fn with every year the ledger has a holding in.
func eachLedgerYear(tx *bolt.Tx, fn func(year int) error) error {
	c := tx.Bucket(bucketLedger).Cursor()
	for k, _ := c.First(); k != nil; {
		year := int(binary.BigEndian.Uint16(k[:2]))
		if err := fn(year); err != nil {
			return err
		}
		k, _ = c.Seek(yearPrefix(year + 1))
	}
	return nil
}

// holdsAnyYear reports whether the ledger has a holding of the member.
func holdsAnyYear(tx *bolt.Tx, member uint64) (bool, error) {
	found := false
	err := eachLedgerYear(tx, func(year int) error {
		found = found || tx.Bucket(bucketLedger).Get(ledgerKey(year, member)) != nil
		return nil
	})
	return found, err
}

// setHoldings writes each holding, a level of none removing the year's,
// with the holding it replaces kept in its history, and audits each.
func setHoldings(tx *bolt.Tx, holdings []app.Holding, ch app.Change) error {
	for _, h := range holdings {
		if err := setHolding(tx, h, ch); err != nil {
			return err
		}
	}
	return nil
}

func setHolding(tx *bolt.Tx, h app.Holding, ch app.Change) error {
	b := tx.Bucket(bucketLedger)
	key := ledgerKey(h.Year, h.MemberID)
	var old app.Holding
	found, err := get(b, key, &old)
	if err != nil {
		return err
	}
	h.At, h.By = ch.At, ch.Actor
	var before, after any
	if found {
		before = old
		h.History = append(old.History, old.Superseded())
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

// Batches lists the published batches of year: quarters in order, then
// supplementary batches.
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
