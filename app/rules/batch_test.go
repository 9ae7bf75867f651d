package rules

import (
	"fmt"
	"reflect"
	"testing"
)

func batchYear() []Standing {
	contribs := []Contribution{
		approved(1, "university_event", "2026-05-10"),
		approved(2, "university_event", "2026-02-01"), approved(2, "talk_conference", "2026-05-01"),
		approved(3, "university_event", "2026-05-02"),
		approved(4, "university_event", "2026-05-03"),
		approved(6, "article", "2026-02-01"),
		approved(7, "talk_conference", "2026-12-30"), approved(7, "university_event", "2026-12-31"),
		approved(8, "talk_conference", "2026-07-01"), approved(8, "university_event", "2026-08-01"),
		withStatus(approved(9, "article", "2026-01-05"), StatusPending),
		approved(11, "university_event", "2026-02-10"),
	}
	roles := []Role{
		role(5, RoleGroupLead, "杭州用户组", "2026-04-01"),
		role(8, RoleGroupLead, "南京用户组", "2026-01-01"),
		role(9, RoleInvitation, "", "2026-03-15"),
		role(11, RoleGroupLead, "金融应用组", "2026-03-01"), // after the points got there
	}
	out := standingsOf(contribs, roles)
	// Member 10 qualified in 2025, which is not the year asked about.
	last := Standings(DefaultRules(2025), []Contribution{approved(10, "talk_conference", "2025-05-01")}, nil)
	return append(out, last...)
}

func batchSummary(entries []BatchEntry) []string {
	out := []string{}
	for _, e := range entries {
		late := ""
		if e.Late {
			late = " late"
		}
		out = append(out, fmt.Sprintf("%d %s→%s %s %s%s", e.MemberID, e.From, e.Level, e.QualifiedOn, e.Reason.Code, late))
	}
	return out
}

func quarter(q int) (Date, Date) { return QuarterSpan(year, q) }

func TestBatchCandidates(t *testing.T) {
	standings := batchYear()
	nobody := []Holding{{MemberID: 3, Level: LevelACE}, {MemberID: 4, Level: LevelNone}}
	// After Q1's batch went online, its members hold their level.
	afterQ1 := append([]Holding{{2, LevelPartner}, {8, LevelPartner}, {9, LevelDirector}, {11, LevelPartner}}, nobody...)
	afterQ2 := append([]Holding{{1, LevelPartner}, {2, LevelACE}, {4, LevelPartner}, {5, LevelPartner}}, afterQ1...)
	for _, tc := range []struct {
		name    string
		quarter int
		held    []Holding
		want    []string
	}{
		{"Q1", 1, nobody, []string{
			"2 none→partner 2026-02-01 points_reached",
			"8 none→partner 2026-01-01 group_lead",
			"9 none→director 2026-03-15 invitation",
			"11 none→partner 2026-02-10 points_reached",
		}},
		{"Q2 with Q1 unpublished: Q1's qualifiers come late, at their level by 30 June", 2, nobody, []string{
			"1 none→partner 2026-05-10 points_reached",
			"2 none→ace 2026-05-01 points_reached",
			"4 none→partner 2026-05-03 points_reached",
			"5 none→partner 2026-04-01 group_lead",
			"8 none→partner 2026-01-01 group_lead late",
			"9 none→director 2026-03-15 invitation late",
			"11 none→partner 2026-02-10 points_reached late",
		}},
		{"Q2 after Q1's batch: new members and an upgrade, a holder at that level left out", 2, afterQ1, []string{
			"1 none→partner 2026-05-10 points_reached",
			"2 partner→ace 2026-05-01 points_reached",
			"4 none→partner 2026-05-03 points_reached",
			"5 none→partner 2026-04-01 group_lead",
		}},
		{"Q3 after Q2's batch: a lead from Q1 reaches ACE by points", 3, afterQ2, []string{
			"8 partner→ace 2026-08-01 points_reached",
		}},
		{"Q4 includes 31 December", 4, afterQ2, []string{
			"7 none→ace 2026-12-31 points_reached",
			"8 partner→ace 2026-08-01 points_reached late",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			first, last := quarter(tc.quarter)
			got := batchSummary(BatchCandidates(first, last, standings, tc.held))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestBatchReasonTexts(t *testing.T) {
	standings := batchYear()
	for _, tc := range []struct {
		quarter int
		member  uint64
		want    Reason
	}{
		{1, 2, Reason{"points_reached", map[string]string{"date": "2026-02-01", "level": "partner"}, "2026-02-01 积分达到 PostgreSQL ACE 伙伴"}},
		{2, 2, Reason{"points_reached", map[string]string{"date": "2026-05-01", "level": "ace"}, "2026-05-01 积分达到 PostgreSQL ACE"}},
		{2, 5, Reason{"group_lead", map[string]string{"group": "杭州用户组", "level": "partner"}, "杭州用户组组长：PostgreSQL ACE 伙伴"}},
	} {
		var got *Reason
		first, last := quarter(tc.quarter)
		for _, e := range BatchCandidates(first, last, standings, nil) {
			if e.MemberID == tc.member {
				got = &e.Reason
			}
		}
		if got == nil || !reflect.DeepEqual(*got, tc.want) {
			t.Errorf("Q%d member %d: reason %+v, want %+v", tc.quarter, tc.member, got, tc.want)
		}
	}
}

// Publishing every quarter in turn lists each member once per level they
// reach: a new member once, an upgrade once more at the higher level.
func TestBatchesPublishEachLevelOnce(t *testing.T) {
	standings := batchYear()
	var held []Holding
	seen := map[string]string{}
	for q := 1; q <= 4; q++ {
		first, last := quarter(q)
		for _, e := range BatchCandidates(first, last, standings, held) {
			key := fmt.Sprintf("%d %s", e.MemberID, e.Level)
			if earlier, ok := seen[key]; ok {
				t.Errorf("%s in Q%d and again in %s", key, q, earlier)
			}
			seen[key] = fmt.Sprintf("Q%d", q)
			held = append(held, Holding{e.MemberID, e.Level})
		}
	}
	want := map[string]string{"1 partner": "Q2", "2 partner": "Q1", "2 ace": "Q2", "3 partner": "Q2", "4 partner": "Q2", "5 partner": "Q2",
		"7 ace": "Q4", "8 partner": "Q1", "8 ace": "Q3", "9 director": "Q1", "11 partner": "Q1"}
	if !reflect.DeepEqual(seen, want) {
		t.Errorf("batches = %v, want %v", seen, want)
	}
}

// A standing of another year puts no one in this year's batch.
func TestBatchCandidatesOfAnotherYear(t *testing.T) {
	first, last := QuarterSpan(2025, 2)
	if got := batchSummary(BatchCandidates(first, last, batchYear(), nil)); !reflect.DeepEqual(got, []string{"10 none→partner 2025-05-01 points_reached"}) {
		t.Errorf("2025-Q2 = %q", got)
	}
	first, last = QuarterSpan(2027, 1)
	if got := BatchCandidates(first, last, batchYear(), nil); len(got) != 0 {
		t.Errorf("2027-Q1 = %+v", got)
	}
}
