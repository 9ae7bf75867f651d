package store

import (
	"fmt"
	"path/filepath"
	"testing"

	"acedesk/app"
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
	if _, err := s.UpdateContribution(app.Contribution{ID: c.ID, MemberID: b.ID, Kind: "article", Date: "2026-01-02", Version: 1}, app.ActionUpdate, change); app.AsError(err).Reason != "stale" {
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
	path := filepath.Join(t.TempDir(), "acedesk.db")
	v1, err := Open(path, Options{Migrations: migrations[:1]})
	if err != nil {
		t.Fatal(err)
	}
	if err := v1.CreateMembersAndContributions(app.DemoMembers(12, 3), nil, change); err != nil {
		t.Fatal(err)
	}
	v1.Close()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
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
