package store

import (
	"fmt"
	"path/filepath"
	"testing"

	"acedesk/app"
	"acedesk/app/demo"
)

func TestContributionIndexesFollowEdits(t *testing.T) {
	s := openTemp(t)
	a, _ := s.CreateMember(app.Member{Name: "甲"}, change)
	b, _ := s.CreateMember(app.Member{Name: "乙"}, change)
	c, err := s.CreateContribution(app.Contribution{MemberID: a.ID, Kind: "article", Date: "2025-12-31", Quantity: 1, Status: app.StatusApproved}, change)
	if err != nil {
		t.Fatal(err)
	}
	ids := func(list []app.Contribution, err error) string {
		if err != nil {
			t.Fatal(err)
		}
		var out []uint64
		for _, x := range list {
			out = append(out, x.ID)
		}
		return fmt.Sprint(out)
	}
	yearIDs := func(year int) string {
		list, err := s.PointsInputsOfYear(year)
		if err != nil {
			t.Fatal(err)
		}
		var out []uint64
		for _, x := range list {
			out = append(out, x.ID)
		}
		return fmt.Sprint(out)
	}
	if got := yearIDs(2025); got != fmt.Sprint([]uint64{c.ID}) {
		t.Errorf("2025 = %s", got)
	}
	if has, _ := s.HasHistory(a.ID); !has {
		t.Error("a member with a contribution has history")
	}

	// Move it to the other member and into the next year.
	c.MemberID, c.Date = b.ID, "2026-01-01"
	if c, err = s.UpdateContribution(c, app.ActionUpdate, change); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		got  string
		want string
	}{
		{"2025", yearIDs(2025), "[]"},
		{"2026", yearIDs(2026), fmt.Sprint([]uint64{c.ID})},
		{"member a", ids(s.ContributionsOfMember(a.ID)), "[]"},
		{"member b", ids(s.ContributionsOfMember(b.ID)), fmt.Sprint([]uint64{c.ID})},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %s, want %s", tc.name, tc.got, tc.want)
		}
	}
	if has, _ := s.HasHistory(a.ID); has {
		t.Error("member a has no contribution left, so no history")
	}
	if _, err := s.UpdateContribution(app.Contribution{ID: c.ID, MemberID: b.ID, Kind: "article", Date: "2026-01-02", Version: 1}, app.ActionUpdate, change); app.AsError(err).Reason != "contribution_stale" {
		t.Errorf("stale update: %v", err)
	}
	if err := s.DeleteContribution(c.ID, c.Version, change); err != nil {
		t.Fatal(err)
	}
	if has, _ := s.HasHistory(b.ID); has {
		t.Error("deleting the only contribution leaves no history")
	}
	if _, err := s.CreateContribution(app.Contribution{MemberID: 999, Kind: "article", Date: "2026-01-01"}, change); app.AsError(err).Reason != "member_not_found" {
		t.Errorf("contribution for a missing member: %v", err)
	}
}

func TestUpgradeFromTheFirstSchemaKeepsTheRoster(t *testing.T) {
	s, path := upgraded(t, 1, func(v1 *Store) {
		if err := v1.CreateMembersAndContributions(demo.Members(12, 3), nil, change); err != nil {
			t.Fatal(err)
		}
	})
	if v, _ := s.SchemaVersion(); v != CurrentSchema() {
		t.Errorf("schema = %d, want %d", v, CurrentSchema())
	}
	if n, _ := s.CountMembers(); n != 12 {
		t.Errorf("members = %d, want 12", n)
	}
	if backups, _ := filepath.Glob(path + ".before-v2-*.bak"); len(backups) != 1 {
		t.Errorf("backups = %v, want one", backups)
	}
	m, _ := s.SearchMembers(app.MemberQuery{Limit: 1})
	if _, err := s.CreateContribution(app.Contribution{MemberID: m.Items[0].ID, Kind: "article", Date: "2026-05-01", Quantity: 1}, change); err != nil {
		t.Errorf("the upgraded file takes contributions: %v", err)
	}
}

func TestListContributions(t *testing.T) {
	s := openTemp(t)
	zhang, _ := s.CreateMember(app.Member{Name: "张三", NameLatin: "Zhang San", Phone: "13800000001"}, change)
	li, _ := s.CreateMember(app.Member{Name: "李四", Phone: "13800000002"}, change)
	seed := []app.Contribution{
		{MemberID: zhang.ID, Kind: "article", Date: "2026-03-01", Title: "VACUUM 内幕", Status: app.StatusApproved},
		{MemberID: li.ID, Kind: "talk_live", Date: "2026-05-20", Title: "分区表实践", Status: app.StatusPending},
		{MemberID: zhang.ID, Kind: "talk_live", Date: "2026-05-20", Title: "逻辑复制", Status: app.StatusRejected},
		{MemberID: li.ID, Kind: "article", Date: "2025-12-31", Title: "去年的文章", Status: app.StatusApproved},
		{MemberID: li.ID, Kind: "forum_beans", Date: "2026-01-02", Quantity: 2500, Status: app.StatusApproved},
	}
	for _, c := range seed {
		c.Normalize()
		if _, err := s.CreateContribution(c, change); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name  string
		q     app.ContributionQuery
		want  string
		total int
	}{
		{"a year, newest date first, later record first within a day", app.ContributionQuery{Year: 2026, Limit: 50},
			"[逻辑复制/张三 分区表实践/李四 VACUUM 内幕/张三 /李四]", 4},
		{"another year", app.ContributionQuery{Year: 2025, Limit: 50}, "[去年的文章/李四]", 1},
		{"a year without any", app.ContributionQuery{Year: 2024, Limit: 50}, "[]", 0},
		{"status", app.ContributionQuery{Year: 2026, Status: app.StatusApproved, Limit: 50}, "[VACUUM 内幕/张三 /李四]", 2},
		{"member", app.ContributionQuery{Year: 2026, MemberID: li.ID, Limit: 50}, "[分区表实践/李四 /李四]", 2},
		{"kind", app.ContributionQuery{Year: 2026, Kind: "talk_live", Limit: 50}, "[逻辑复制/张三 分区表实践/李四]", 2},
		{"text in a name", app.ContributionQuery{Year: 2026, Text: "李四", Limit: 50}, "[分区表实践/李四 /李四]", 2},
		{"text in a Latin name, any case", app.ContributionQuery{Year: 2026, Text: "zhang", Limit: 50}, "[逻辑复制/张三 VACUUM 内幕/张三]", 2},
		{"text in a phone, with +86", app.ContributionQuery{Year: 2026, Text: "+8613800000002", Limit: 50}, "[分区表实践/李四 /李四]", 2},
		{"text in a title, any case", app.ContributionQuery{Year: 2026, Text: "vacuum", Limit: 50}, "[VACUUM 内幕/张三]", 1},
		{"name and title terms together", app.ContributionQuery{Year: 2026, Text: "张三 复制", Limit: 50}, "[逻辑复制/张三]", 1},
		{"no match", app.ContributionQuery{Year: 2026, Text: "王五", Limit: 50}, "[]", 0},
		{"a page", app.ContributionQuery{Year: 2026, Offset: 1, Limit: 2}, "[分区表实践/李四 VACUUM 内幕/张三]", 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page, err := s.ListContributions(tc.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range page.Items {
				got = append(got, r.Title+"/"+r.MemberName)
			}
			if fmt.Sprint(got) != tc.want || page.Total != tc.total {
				t.Errorf("got %v (total %d), want %s (total %d)", got, page.Total, tc.want, tc.total)
			}
		})
	}
	page, _ := s.ListContributions(app.ContributionQuery{Year: 2026, Kind: "forum_beans", Limit: 50})
	if r := page.Items[0]; r.MemberPhone != "13800000002" || r.Quantity != 2500 || r.ID == 0 || r.Version != 1 {
		t.Errorf("row = %+v", r)
	}
}
