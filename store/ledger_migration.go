package store

import (
	"cmp"
	"encoding/json"
	"slices"
	"strconv"

	"acedesk/app"
	"acedesk/app/rules"

	bolt "go.etcd.io/bbolt"
)

// legacyHolding is a member's one holding before schema 14: a level from
// year From through ValidThrough, which the next batch, renewal or
// correction overwrote.
type legacyHolding struct {
	MemberID     uint64 `json:"member_id"`
	Level        string `json:"level"`
	From         int    `json:"from"`
	ValidThrough int    `json:"valid_through"`
	Source       string `json:"source"`
}

// ledgerFromHistory builds the honor ledger (schema 14) from what the
// database kept: each published batch gives its year, each confirmed
// renewal the next, each correction its year, in that order; then each
// member's last holding, which the app showed until now, is kept for
// every year it covered, the ledger's other level going into its history.
// The old holdings bucket goes.
func ledgerFromHistory(tx *bolt.Tx) error {
	ledger, err := tx.CreateBucketIfNotExists(bucketLedger)
	if err != nil {
		return err
	}
	write := func(h app.Holding, keepHigher bool) error {
		key := ledgerKey(h.Year, h.MemberID)
		var old app.Holding
		found, err := get(ledger, key, &old)
		if err != nil {
			return err
		}
		if found {
			if old.Level == h.Level || keepHigher && rules.Level(old.Level).Rank() >= rules.Level(h.Level).Rank() {
				return nil
			}
			h.History = append(old.History, old.Superseded())
		}
		if h.Level == "" || h.Level == string(rules.LevelNone) {
			return ledger.Delete(key)
		}
		return put(ledger, key, h)
	}
	err = tx.Bucket(bucketBatches).ForEach(func(_, v []byte) error {
		var b app.Batch
		if err := json.Unmarshal(v, &b); err != nil {
			return err
		}
		for _, e := range b.Entries {
			h := app.Holding{MemberID: e.MemberID, Year: b.Year, Level: e.Level, Source: "batch:" + b.ID, At: b.PublishedAt, By: b.PublishedBy}
			if err := write(h, true); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = tx.Bucket(bucketRenewals).ForEach(func(_, v []byte) error {
		var r app.Renewal
		if err := json.Unmarshal(v, &r); err != nil {
			return err
		}
		for _, e := range r.Entries {
			h := app.Holding{MemberID: e.MemberID, Year: r.Year + 1, Level: e.To, Source: "renewal:" + strconv.Itoa(r.Year), At: r.ConfirmedAt, By: r.ConfirmedBy}
			if err := write(h, false); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	var corrections []app.Decision
	err = tx.Bucket(bucketDecisions).ForEach(func(_, v []byte) error {
		var d app.Decision
		if err := json.Unmarshal(v, &d); err != nil {
			return err
		}
		if d.Kind == app.DecisionCorrection && !d.Withdrawn {
			corrections = append(corrections, d)
		}
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortFunc(corrections, func(a, b app.Decision) int { return cmp.Compare(a.ID, b.ID) })
	for _, d := range corrections {
		h := app.Holding{MemberID: d.MemberID, Year: d.Year, Level: d.Level, Source: "decision:" + strconv.FormatUint(d.ID, 10), At: d.DecidedAt, By: d.DecidedBy}
		if err := write(h, false); err != nil {
			return err
		}
	}
	if old := tx.Bucket(bucketHoldings); old != nil {
		err := old.ForEach(func(_, v []byte) error {
			var lh legacyHolding
			if err := json.Unmarshal(v, &lh); err != nil {
				return err
			}
			for y := lh.From; y <= lh.ValidThrough && y > 0; y++ {
				if err := write(app.Holding{MemberID: lh.MemberID, Year: y, Level: lh.Level, Source: lh.Source}, false); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		return tx.DeleteBucket(bucketHoldings)
	}
	return nil
}
