package store

import (
	"fmt"
	"slices"
	"testing"

	"acedesk/app"
)

func TestContributionImportBasis(t *testing.T) {
	s := openTemp(t)
	zhang, _ := s.CreateMember(app.Member{Name: "张三", Phone: "13800000001"}, change)
	li, _ := s.CreateMember(app.Member{Name: "李四", Phone: "13800000002"}, change)
	s.CreateMember(app.Member{Name: "李四五", Phone: "13800000003"}, change)
	s.CreateMember(app.Member{Name: "Anna Li", Phone: "13800000004"}, change)
	for _, c := range []app.Contribution{
		{MemberID: zhang.ID, Kind: "article", Date: "2026-03-01", Quantity: 1, Status: app.StatusApproved, Title: "甲"},
		{MemberID: li.ID, Kind: "article", Date: "2025-03-01", Quantity: 1, Status: app.StatusApproved, Title: "乙"},
	} {
		if _, err := s.CreateContribution(c, change); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name          string
		phones, names []string
		members       string
		titles        string
	}{
		{"by phone", []string{"13800000001", "", "13900000000"}, nil, "[张三]", "[甲]"},
		{"by whole name only", nil, []string{"李四", "", "王五"}, "[李四]", "[乙]"},
		{"a name in any case", nil, []string{"anna li"}, "[Anna Li]", "[]"},
		{"both, each member once", []string{"13800000002"}, []string{"李四", "张三"}, "[张三 李四]", "[乙 甲]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			basis, err := s.ContributionImportBasis(tc.phones, tc.names)
			if err != nil {
				t.Fatal(err)
			}
			var members, titles []string
			for _, m := range basis.Members {
				members = append(members, m.Name)
			}
			for _, c := range basis.Contributions {
				titles = append(titles, c.Title)
			}
			slices.Sort(titles)
			slices.Sort(members)
			if fmt.Sprint(members) != tc.members || fmt.Sprint(titles) != tc.titles {
				t.Errorf("got %v %v, want %s %s", members, titles, tc.members, tc.titles)
			}
		})
	}
}

func TestImportContributionsIsAllOrNothing(t *testing.T) {
	s := openTemp(t)
	m, _ := s.CreateMember(app.Member{Name: "张三"}, change)
	ok := app.Contribution{MemberID: m.ID, Kind: "article", Date: "2026-03-01", Quantity: 1, Status: app.StatusApproved}
	gone := ok
	gone.MemberID = 999
	if _, _, err := s.ImportContributions([]app.Contribution{ok, gone}, change); app.ErrorCode(err) != app.CodeNotFound {
		t.Fatalf("err = %v, want not_found", err)
	}
	if list, _ := s.ContributionsOfMember(m.ID); len(list) != 0 {
		t.Errorf("a refused import stored %v", list)
	}
	out, backup, err := s.ImportContributions([]app.Contribution{ok}, change)
	if err != nil || len(out) != 1 || out[0].ID == 0 || backup == "" {
		t.Fatalf("import = %v, %q, %v", out, backup, err)
	}
	if audit, _ := s.AuditFor("contribution", out[0].ID); len(audit) != 1 || audit[0].Action != app.ActionCreate {
		t.Errorf("audit = %+v", audit)
	}
}
