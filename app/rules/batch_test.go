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
		out = append(out, fmt.Sprintf("%d %s %s %s", e.MemberID, e.Level, e.QualifiedOn, e.Reason.Code))
	}
	return out
}

func TestBatchCandidates(t *testing.T) {
	standings := batchYear()
	nobody := []Holding{{MemberID: 3, Level: LevelACE}, {MemberID: 4, Level: LevelNone}}
	// After Q1's batch went online, its members hold their level.
	afterQ1 := append([]Holding{{2, LevelPartner}, {8, LevelPartner}, {9, LevelDirector}, {11, LevelPartner}}, nobody...)
	for _, tc := range []struct {
		name    string
		quarter int
		current []Holding
		want    []string
	}{
		{"Q1", 1, nobody, []string{
			"2 partner 2026-02-01 points_reached",
			"8 partner 2026-01-01 group_lead",
			"9 director 2026-03-15 invitation",
			"11 partner 2026-02-10 points_reached",
		}},
		{"Q2: a holder is left out, a holding of none is no holding", 2, nobody, []string{
			"1 partner 2026-05-10 points_reached",
			"2 ace 2026-05-01 points_reached",
			"4 partner 2026-05-03 points_reached",
			"5 partner 2026-04-01 group_lead",
		}},
		{"Q2 after Q1's batch: a rise is not a new member", 2, afterQ1, []string{
			"1 partner 2026-05-10 points_reached",
			"4 partner 2026-05-03 points_reached",
			"5 partner 2026-04-01 group_lead",
		}},
		{"Q3: a lead from Q1 reaches ACE by points", 3, nobody, []string{"8 ace 2026-08-01 points_reached"}},
		{"Q3 after Q1's batch", 3, afterQ1, []string{}},
		{"Q4 includes 31 December", 4, nobody, []string{"7 ace 2026-12-31 points_reached"}},
		{"quarter 0", 0, nobody, []string{}},
		{"quarter 5", 5, nobody, []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := batchSummary(BatchCandidates(year, tc.quarter, standings, tc.current))
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
		for _, e := range BatchCandidates(year, tc.quarter, standings, nil) {
			if e.MemberID == tc.member {
				got = &e.Reason
			}
		}
		if got == nil || !reflect.DeepEqual(*got, tc.want) {
			t.Errorf("Q%d member %d: reason %+v, want %+v", tc.quarter, tc.member, got, tc.want)
		}
	}
}

func TestBatchesPublishEachQualifierOnce(t *testing.T) {
	standings := batchYear()
	var current []Holding
	seen := map[uint64]string{}
	for q := 1; q <= 4; q++ {
		for _, e := range BatchCandidates(year, q, standings, current) {
			if earlier, ok := seen[e.MemberID]; ok {
				t.Errorf("member %d in Q%d and again in %s", e.MemberID, q, earlier)
			}
			seen[e.MemberID] = fmt.Sprintf("Q%d", q)
			current = append(current, Holding{e.MemberID, e.Level})
		}
	}
	want := map[uint64]string{1: "Q2", 2: "Q1", 3: "Q2", 4: "Q2", 5: "Q2", 7: "Q4", 8: "Q1", 9: "Q1", 11: "Q1"}
	if !reflect.DeepEqual(seen, want) {
		t.Errorf("batches = %v, want %v", seen, want)
	}
}
