package service_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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

// pdfPages is the text of each page of a PDF, read back with pdftotext in
// content order (a cell wrapped over lines stays together).
func pdfPages(t *testing.T, data []byte) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "list.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (Debian poppler-utils): %v", err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
}

func squash(s string) string { return strings.Join(strings.Fields(s), "") }

func TestTrophyListPDF(t *testing.T) {
	p := newProgram(t)
	const n = 45
	for i := range n {
		m, err := p.svc.Members.Create(app.Member{Name: fmt.Sprintf("张%s%d", string(rune('甲'+i%10)), i), City: "杭州",
			Phone: fmt.Sprintf("138%08d", i), Address: fmt.Sprintf("杭州市西湖区文三路 %d 号 PostgreSQL 大厦 %d 层", i+1, i%30+1)})
		if err != nil {
			t.Fatal(err)
		}
		p.approved(m.ID, "talk_conference", "2025-05-01")
		if i%5 == 0 { // 800 points: ACE
			p.approved(m.ID, "talk_conference", "2025-06-01")
		}
	}
	p.on("2026-01-05")
	if _, err := p.svc.Trophies.PDF("2025-Q2"); reasonOf(err) != "batch_unpublished" {
		t.Errorf("unpublished: err = %v, want batch_unpublished", err)
	}
	if _, err := p.svc.Levels.PublishBatch("2025-Q2"); err != nil {
		t.Fatal(err)
	}
	ts, err := p.svc.Trophies.ForBatch("2025-Q2")
	if err != nil || len(ts) != n {
		t.Fatalf("trophies: %d, %v", len(ts), err)
	}
	shipped := ts[3]
	shipped.Status = "shipped"
	if _, err := p.svc.Trophies.Update(shipped); err != nil {
		t.Fatal(err)
	}
	data, err := p.svc.Trophies.PDF("2025-Q2")
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, data)
	if len(pages) < 2 {
		t.Fatalf("%d pages: the list should need more than one", len(pages))
	}
	for i, page := range pages {
		want := fmt.Sprintf("第 %d 页 / 共 %d 页", i+1, len(pages))
		if !strings.Contains(page, want) || !strings.Contains(page, "姓名 / Name") || !strings.Contains(page, "刻字 / Engraving") {
			t.Errorf("page %d lacks the header row or %q:\n%s", i+1, want, page)
		}
	}
	all := squash(strings.Join(pages, ""))
	for _, tr := range ts {
		for _, text := range []string{tr.Name, tr.Engraving, tr.Phone, tr.Address} {
			if !strings.Contains(all, squash(text)) {
				t.Errorf("the PDF lacks %q", text)
			}
		}
	}
	last := squash(pages[len(pages)-1])
	for _, want := range []string{"合计/Totals:45", "PostgreSQLACE伙伴:36", "PostgreSQLACE:9", "已发货"} {
		if !strings.Contains(all, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if !strings.Contains(last, "合计/Totals:45") {
		t.Errorf("the totals are not on the last page:\n%s", pages[len(pages)-1])
	}
	if _, err := p.svc.Trophies.PDF("2025-Q9"); err == nil {
		t.Error("unknown batch: no error")
	}
}
