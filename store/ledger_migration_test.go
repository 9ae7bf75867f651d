package store

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

// A database of schema 13 kept one holding per member, overwritten by
// each batch, renewal and correction; the ledger recovers every year the
// published batches, confirmed renewals and corrections gave, and keeps
// what the app showed last.
func TestLedgerMigrationKeepsEveryYear(t *testing.T) {
	published := time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC)
	s, _ := upgraded(t, 13, func(old *Store) {
		err := old.db.Update(func(tx *bolt.Tx) error {
			raw := func(bucket []byte, key []byte, v any) {
				data, err := json.Marshal(v)
				if err != nil {
					t.Fatal(err)
				}
				if err := tx.Bucket(bucket).Put(key, data); err != nil {
					t.Fatal(err)
				}
			}
			raw(bucketBatches, []byte("2025-Q1"), app.Batch{ID: "2025-Q1", Year: 2025, Quarter: 1, Published: true, PublishedAt: published, PublishedBy: "lead",
				Entries: []app.BatchEntry{{MemberID: 1, Level: "partner"}}})
			raw(bucketBatches, []byte("2025-Q3"), app.Batch{ID: "2025-Q3", Year: 2025, Quarter: 3, Published: true, PublishedBy: "lead",
				Entries: []app.BatchEntry{{MemberID: 2, Level: "ace"}}})
			raw(bucketBatches, []byte("2026-Q1"), app.Batch{ID: "2026-Q1", Year: 2026, Quarter: 1, Published: true, PublishedBy: "lead",
				Entries: []app.BatchEntry{{MemberID: 3, Level: "ace"}}})
			raw(bucketRenewals, yearPrefix(2025), app.Renewal{Year: 2025, Confirmed: true, ConfirmedBy: "lead",
				Entries: []app.RenewalEntry{{MemberID: 1, From: "partner", To: "ace"}, {MemberID: 5, From: "partner", To: "none"}}})
			raw(bucketDecisions, itob(7), app.Decision{ID: 7, Kind: app.DecisionCorrection, MemberID: 3, Year: 2026, Level: "partner", DecidedBy: "lead"})
			// What the app showed last: one holding a member.
			raw(bucketHoldings, itob(1), legacyHolding{MemberID: 1, Level: "ace", From: 2026, ValidThrough: 2026, Source: "renewal:2025"})
			raw(bucketHoldings, itob(2), legacyHolding{MemberID: 2, Level: "ace", From: 2025, ValidThrough: 2026, Source: "batch:2025-Q3"})
			raw(bucketHoldings, itob(3), legacyHolding{MemberID: 3, Level: "partner", From: 2026, ValidThrough: 2027, Source: "decision:7"})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	want := map[int][]string{
		2025: {"1 partner batch:2025-Q1", "2 ace batch:2025-Q3"},
		2026: {"1 ace renewal:2025", "2 ace batch:2025-Q3", "3 partner decision:7 (was ace batch:2026-Q1)"},
		2027: {"3 partner decision:7"},
	}
	for year, w := range want {
		hs, err := s.HoldingsIn(year)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range hs {
			line := fmt.Sprintf("%d %s %s", h.MemberID, h.Level, h.Source)
			for _, was := range h.History {
				line += fmt.Sprintf(" (was %s %s)", was.Level, was.Source)
			}
			got = append(got, line)
		}
		if fmt.Sprint(got) != fmt.Sprint(w) {
			t.Errorf("%d: got %q, want %q", year, got, w)
		}
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketHoldings) != nil {
			t.Error("the old holdings bucket is still there")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if hs, _ := s.MemberHoldings(1); len(hs) != 2 || hs[0].Year != 2025 || hs[1].Year != 2026 {
		t.Errorf("member 1's ledger = %+v, want 2025 and 2026", hs)
	}
}
