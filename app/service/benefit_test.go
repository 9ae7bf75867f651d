package service_test

import (
	"bytes"
	"testing"

	"acedesk/app"
	"acedesk/app/service"

	"github.com/xuri/excelize/v2"
)

func TestBenefitListsOfHolders(t *testing.T) {
	p := newProgram(t)
	ace, _ := p.svc.Members.Create(app.Member{Name: "王喆", NameLatin: "Wang Zhe", Phone: "13800000001", Email: "wz@example.com"})
	partner, _ := p.svc.Members.Create(app.Member{Name: "李玥", NameLatin: "Li Yue", Phone: "13800000002"})
	p.member("没有级别")
	p.approved(ace.ID, "talk_conference", "2025-05-01")
	p.approved(ace.ID, "talk_regional", "2025-05-02")
	p.approved(partner.ID, "talk_regional", "2025-05-02")
	p.on("2026-01-05")
	if _, err := p.svc.Levels.PublishBatch("2025-Q2"); err != nil {
		t.Fatal(err)
	}
	// The batch gives 2025; the renewal of 2025 gives 2026.
	if _, err := p.svc.Levels.ConfirmRenewal(2025); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		list string
		year int
		want []uint64
	}{
		{service.ListImageWall, 2026, []uint64{ace.ID, partner.ID}},
		{service.ListAdvisory, 2026, []uint64{ace.ID}},
		{service.ListImageWall, 2028, nil},
	} {
		rows, err := p.svc.Benefits.List(tc.list, tc.year)
		if err != nil {
			t.Fatal(err)
		}
		var got []uint64
		for _, r := range rows {
			got = append(got, r.MemberID)
		}
		if len(got) != len(tc.want) || (len(got) > 0 && (got[0] != tc.want[0] || got[len(got)-1] != tc.want[len(tc.want)-1])) {
			t.Errorf("%s %d = %v, want %v", tc.list, tc.year, got, tc.want)
		}
	}
	if _, err := p.svc.Benefits.List("cake", 2026); reasonOf(err) != "unknown_list" {
		t.Errorf("unknown list: %v", err)
	}
	wall, _ := p.svc.Benefits.XLSX(service.ListImageWall, 2026)
	f, err := excelize.OpenReader(bytes.NewReader(wall))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("形象墙名单")
	if len(rows) != 3 || len(rows[0]) != 6 || rows[1][0] != "王喆" {
		t.Errorf("image wall rows = %q (no phones, ACE first)", rows)
	}
}
