package service_test

import (
	"fmt"
	"testing"

	"acedesk/app"
	"acedesk/app/rules"
)

func TestListGivesEachContributionItsYearsPoints(t *testing.T) {
	svc, _ := newServices(t)
	m, _ := svc.Members.Create(app.Member{Name: "王喆", Phone: "13800000001"})
	// 2027 pays more for an article than the 2024 table 2026 uses.
	r2027 := rules.DefaultRules(2027)
	r2027.Kinds[5].Points = 30
	if _, err := svc.Rules.Save(r2027); err != nil {
		t.Fatal(err)
	}
	seventy := 70
	for _, c := range []app.Contribution{
		{MemberID: m.ID, Kind: "article", Date: "2026-02-01", Title: "一"},
		{MemberID: m.ID, Kind: "forum_beans", Date: "2026-03-01", Quantity: 4100, Title: "二"},
		{MemberID: m.ID, Kind: "公众号首发文章", Date: "2026-04-01", Title: "三", Override: &seventy, OverrideReason: "双语首发"},
		{MemberID: m.ID, Kind: "article", Date: "2026-05-01", Title: "四", Status: app.StatusRejected},
		{MemberID: m.ID, Kind: "article", Date: "2027-01-05", Title: "五"},
	} {
		if _, err := svc.Contributions.Create(c); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		q    app.ContributionQuery
		want string
	}{
		{app.ContributionQuery{Year: 2026}, "[四:20 三:70 二:200 一:20]"},
		{app.ContributionQuery{Year: 2027}, "[五:30]"},
		{app.ContributionQuery{Year: 2026, Status: app.StatusPending, Text: "13800000001", Limit: 1}, "[三:70]"},
	} {
		page, err := svc.Contributions.List(tc.q)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range page.Items {
			got = append(got, fmt.Sprintf("%s:%d", r.Title, r.Points))
		}
		if fmt.Sprint(got) != tc.want {
			t.Errorf("List(%+v) = %v, want %s", tc.q, got, tc.want)
		}
	}
}

func TestListRefusesABadQuery(t *testing.T) {
	svc, _ := newServices(t)
	for _, tc := range []struct {
		q     app.ContributionQuery
		field string
	}{
		{app.ContributionQuery{}, "year"},
		{app.ContributionQuery{Year: 26}, "year"},
		{app.ContributionQuery{Year: 2026, Status: "approve"}, "status"},
	} {
		_, err := svc.Contributions.List(tc.q)
		if e := app.AsError(err); e == nil || e.Code != app.CodeInvalid || e.Fields[tc.field] == "" {
			t.Errorf("List(%+v) err = %+v, want invalid %s", tc.q, e, tc.field)
		}
	}
}
