package service_test

import (
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"
)

func TestContributionsNeedAKnownKindAndAnActiveMember(t *testing.T) {
	svc, _ := newServices(t)
	m, _ := svc.Members.Create(app.Member{Name: "王喆"})
	archived, _ := svc.Members.Create(app.Member{Name: "已归档"})
	svc.Members.Archive(archived.ID, archived.Version)
	five := 5
	for _, tc := range []struct {
		name   string
		in     app.Contribution
		reason string
		field  string
	}{
		{"unknown kind", app.Contribution{MemberID: m.ID, Kind: "poem", Date: "2026-03-01"}, "fields", "kind"},
		{"bad date", app.Contribution{MemberID: m.ID, Kind: "article", Date: "2026-13-01"}, "fields", "date"},
		{"no member", app.Contribution{Kind: "article", Date: "2026-03-01"}, "fields", "member_id"},
		{"override without reason", app.Contribution{MemberID: m.ID, Kind: "article", Date: "2026-03-01", Override: &five}, "fields", "override_reason"},
		{"missing member", app.Contribution{MemberID: 999, Kind: "article", Date: "2026-03-01"}, "member_not_found", ""},
		{"archived member", app.Contribution{MemberID: archived.ID, Kind: "article", Date: "2026-03-01"}, "member_archived", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := svc.Contributions.Create(tc.in)
			e := app.AsError(err)
			if e == nil || e.Reason != tc.reason || (tc.field != "" && e.Fields[tc.field] == "") {
				t.Errorf("err = %+v, want reason %s on %q", e, tc.reason, tc.field)
			}
		})
	}
	if list, _ := svc.Contributions.ForMember(m.ID); len(list) != 0 {
		t.Errorf("refused contributions were stored: %v", list)
	}
}

func TestPointsPreviewUsesTheYearsRules(t *testing.T) {
	svc, _ := newServices(t)
	m, _ := svc.Members.Create(app.Member{Name: "王喆"})
	seventy := 70
	for _, tc := range []struct {
		in   app.Contribution
		want int
	}{
		{app.Contribution{MemberID: m.ID, Kind: "talk_conference", Date: "2026-06-01"}, 400},
		{app.Contribution{MemberID: m.ID, Kind: "article", Date: "2026-06-01"}, 20},
		{app.Contribution{MemberID: m.ID, Kind: "forum_beans", Date: "2026-06-01", Quantity: 3999}, 100},
		{app.Contribution{MemberID: m.ID, Kind: "forum_beans", Date: "2026-06-01", Quantity: 4000}, 200},
		{app.Contribution{MemberID: m.ID, Kind: "article", Date: "2026-06-01", Override: &seventy, OverrideReason: "双语首发"}, 70},
	} {
		got, err := svc.Contributions.Points(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("Points(%s ×%d) = %d, %v; want %d", tc.in.Kind, tc.in.Quantity, got, err, tc.want)
		}
	}
}

func TestStandingsFollowApprovalAndEachYearsOwnRules(t *testing.T) {
	svc, _ := newServices(t)
	m, _ := svc.Members.Create(app.Member{Name: "赵玥", Phone: "13800000001"})
	talk, err := svc.Contributions.Create(app.Contribution{MemberID: m.ID, Kind: "talk_regional", Date: "2026-04-10", Title: "分区表"})
	if err != nil {
		t.Fatal(err)
	}
	level := func(year int) (string, int) {
		r := standingOf(t, svc, year, m.ID)
		return r.Level, r.Points
	}
	if got, pts := level(2026); got != "none" || pts != 0 {
		t.Errorf("pending talk: level %s, %d points; want none, 0", got, pts)
	}
	if _, err := svc.Contributions.Approve(talk.ID, talk.Version); err != nil {
		t.Fatal(err)
	}
	if got, pts := level(2026); got != "partner" || pts != 200 {
		t.Errorf("approved talk: level %s, %d points; want partner, 200", got, pts)
	}

	// 2027's table values regional talks at 150: 2026 keeps its own 200.
	next, err := svc.Rules.CopyToNextYear(2026)
	if err != nil {
		t.Fatal(err)
	}
	for i := range next.Kinds {
		if next.Kinds[i].Key == "talk_regional" {
			next.Kinds[i].Points = 150
		}
	}
	if _, err := svc.Rules.Save(next); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Contributions.Create(app.Contribution{MemberID: m.ID, Kind: "talk_regional", Date: "2027-04-10", Status: app.StatusApproved}); err != nil {
		t.Fatal(err)
	}
	if got, pts := level(2027); got != "none" || pts != 150 {
		t.Errorf("2027: level %s, %d points; want none, 150", got, pts)
	}
	if got, pts := level(2026); got != "partner" || pts != 200 {
		t.Errorf("2026 after 2027's change: level %s, %d points; want partner, 200", got, pts)
	}
	if _, err := svc.Rules.CopyToNextYear(2026); app.AsError(err).Reason != "rules_exist" {
		t.Errorf("copying over saved rules: %v", err)
	}
	// A member with contributions has history: archive, not delete.
	cur, _ := svc.Members.Get(m.ID)
	if err := svc.Members.Delete(cur.ID, cur.Version); app.AsError(err).Reason != "member_has_history" {
		t.Errorf("delete a member with contributions: %v", err)
	}
}

func TestDemoHasAYearOfContributions(t *testing.T) {
	svc, _ := newServices(t)
	if _, err := svc.System.LoadDemo(0); err != nil {
		t.Fatal(err)
	}
	rows, err := svc.Standings.ForYear(apptest.Start.Year())
	if err != nil {
		t.Fatal(err)
	}
	levels := map[string]int{}
	near := 0
	for _, r := range rows {
		levels[r.Level]++
		if r.Next != "" && r.ToNext > 0 && r.ToNext <= 60 {
			near++
		}
	}
	if levels["ace"] == 0 || levels["partner"] == 0 || levels["none"] == 0 || near == 0 {
		t.Errorf("demo standings: levels %v, %d near a threshold; want some of each", levels, near)
	}
}
