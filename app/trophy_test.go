package app_test

import (
	"bytes"
	"strings"
	"testing"

	"acedesk/app"

	"github.com/xuri/excelize/v2"
)

func TestTrophiesOfAPublishedBatchKeepTheirOrders(t *testing.T) {
	p := newProgram(t)
	m, err := p.svc.Members.Create(app.Member{Name: "王喆", City: "杭州", Address: "杭州市西湖区示范路 1 号"})
	if err != nil {
		t.Fatal(err)
	}
	p.approved(m.ID, "talk_conference", "2025-05-01")
	p.on("2026-01-05")
	if _, err := p.svc.Trophies.ForBatch("2025-Q2"); reasonOf(err) != "batch_unpublished" {
		t.Errorf("unpublished batch: err = %v, want batch_unpublished", err)
	}
	if _, err := p.svc.Levels.PublishBatch("2025-Q2"); err != nil {
		t.Fatal(err)
	}
	got, err := p.svc.Trophies.ForBatch("2025-Q2")
	if err != nil || len(got) != 1 {
		t.Fatalf("trophies = %+v, %v", got, err)
	}
	want := app.Trophy{BatchID: "2025-Q2", MemberID: m.ID, Name: "王喆", Level: "partner", Engraving: "王喆 · PostgreSQL ACE 伙伴 · 2025",
		City: "杭州", Address: "杭州市西湖区示范路 1 号", Status: "to_order"}
	if got[0] != want {
		t.Errorf("trophy =\n %+v, want\n %+v", got[0], want)
	}
	for _, tc := range []struct {
		name   string
		edit   func(*app.Trophy)
		reason string
	}{
		{"unknown status", func(t *app.Trophy) { t.Status = "lost" }, "fields"},
		{"empty engraving", func(t *app.Trophy) { t.Engraving = " " }, "fields"},
		{"stale", func(t *app.Trophy) { t.Version = 3 }, "stale"},
	} {
		bad := got[0]
		tc.edit(&bad)
		if _, err := p.svc.Trophies.Update(bad); reasonOf(err) != tc.reason {
			t.Errorf("%s: err = %v, want %s", tc.name, err, tc.reason)
		}
	}
	ordered := got[0]
	ordered.Status, ordered.Engraving = "ordered", "王喆 PostgreSQL ACE 伙伴 2025"
	if _, err := p.svc.Trophies.Update(ordered); err != nil {
		t.Fatal(err)
	}
	again, _ := p.svc.Trophies.ForBatch("2025-Q2")
	if again[0].Status != "ordered" || again[0].Engraving != ordered.Engraving || again[0].Version != 1 {
		t.Errorf("after update: %+v", again[0])
	}
}

func TestTrophyWorkbook(t *testing.T) {
	p := newProgram(t)
	m, _ := p.svc.Members.Create(app.Member{Name: "=王喆", City: "杭州", Phone: "13800000001"})
	p.approved(m.ID, "talk_conference", "2025-05-01")
	p.on("2026-01-05")
	if _, err := p.svc.Levels.PublishBatch("2025-Q2"); err != nil {
		t.Fatal(err)
	}
	data, err := p.svc.Trophies.XLSX("2025-Q2")
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("奖杯清单")
	want := []string{"1", "'=王喆", "PostgreSQL ACE 伙伴", "'=王喆 · PostgreSQL ACE 伙伴 · 2025", "杭州", "13800000001", "", "待下单"}
	if len(rows) != 2 || strings.Join(rows[1], "|") != strings.Join(want, "|") {
		t.Errorf("rows = %q, want header and %q", rows, want)
	}
	totals, _ := f.GetRows("按级别汇总")
	if len(totals) != 3 || totals[1][1] != "1" || totals[2][0] != "合计" {
		t.Errorf("totals = %q", totals)
	}
}
