package service_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/app/apptest/wired"
	"acedesk/app/demo"
	"acedesk/app/service"
	"acedesk/store"
)

// BenchmarkStandingsForYear measures what the Standings page waits for:
// loading a year's contributions from bbolt and applying the rules, at the
// issue's scale (10,000 members, 200,000 contributions).
func BenchmarkStandingsForYear(b *testing.B) {
	st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	change := app.Change{Actor: "bench", At: apptest.Start}
	if err := st.CreateMembersAndContributions(demo.Members(10000, 9), benchContributions, change); err != nil {
		b.Fatal(err)
	}
	svc := service.New(st, apptest.NewClock(apptest.Start), "bench", wired.Ports())
	b.ResetTimer()
	for b.Loop() {
		rows, err := svc.Standings.ForYear(2026)
		if err != nil || len(rows) != 10000 {
			b.Fatalf("%d rows, %v", len(rows), err)
		}
	}
}

// benchContributions gives each member 20 approved contributions of 2026,
// 200,000 for 10,000 members: every kind, every month, beans in amounts
// that complete a unit only now and then.
func benchContributions(ids []uint64) []app.Contribution {
	kinds := []string{"article", "talk_live", "talk_regional", "forum_beans", "university_event"}
	out := make([]app.Contribution, 0, 20*len(ids))
	for i, id := range ids {
		for j := range 20 {
			c := app.Contribution{MemberID: id, Kind: kinds[(i+j)%len(kinds)],
				Date: fmt.Sprintf("2026-%02d-%02d", j%12+1, i%28+1), Quantity: 1 + (j%3)*700, Status: app.StatusApproved}
			// What a chapter lead types for an article or a talk; PG 豆 come
			// with neither.
			if c.Kind != "forum_beans" {
				c.Title = fmt.Sprintf("PostgreSQL 实践分享：逻辑复制与分区表（第 %d 期）", j+1)
				c.Evidence = fmt.Sprintf("https://pg.example.cn/posts/%d-%d", id, j)
			}
			out = append(out, c)
		}
	}
	return out
}
