package store

import (
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"

	bolt "go.etcd.io/bbolt"
)

// The audit grows by a few entries per change, each change its own
// transaction: its pages must come out full, not split at half.
func TestAuditPagesArePacked(t *testing.T) {
	s := openTemp(t)
	ch := app.Change{Actor: "test", At: apptest.Start}
	for tx := range 100 {
		err := s.db.Update(func(tx *bolt.Tx) error {
			for range 30 {
				if err := appendAudit(tx, ch, "update", "member", 7, map[string]any{"name": "张三"}, map[string]any{"name": "张三丰"}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("transaction %d: %v", tx, err)
		}
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		st := tx.Bucket(bucketAudit).Stats()
		if got, want := float64(st.LeafInuse)/float64(st.LeafAlloc), 0.9; got < want || st.KeyN != 3000 {
			t.Errorf("%d entries fill %.0f%% of their %d pages; want 3000 entries, at least %.0f%%", st.KeyN, 100*got, st.LeafPageN, 100*want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
