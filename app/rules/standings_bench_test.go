package rules

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// chapterYear makes a year of a large chapter: mixed kinds, about 5%
// pending or rejected, a few overrides and unknown kinds, some
// contributions of the year before, and lead and grant roles.
func chapterYear(members, contributions, roles int) ([]Contribution, []Role) {
	rng := rand.New(rand.NewPCG(2026, 4))
	kinds := []string{"article", "article", "article", "article", "talk_live", "talk_live",
		"forum_beans", "forum_beans", "talk_regional", "university_event", "talk_conference", "podcast"}
	contribs := make([]Contribution, contributions)
	for i := range contribs {
		c := Contribution{
			ID:       uint64(i + 1),
			MemberID: uint64(rng.IntN(members)) + 1000,
			Kind:     kinds[rng.IntN(len(kinds))],
			Date:     Date{year, time.Month(rng.IntN(12) + 1), rng.IntN(28) + 1},
			Quantity: 1,
			Status:   StatusApproved,
		}
		if c.Kind == "forum_beans" {
			c.Quantity = rng.IntN(1500) + 100
		}
		switch n := rng.IntN(100); {
		case n < 3:
			c.Status = StatusPending
		case n < 5:
			c.Status = StatusRejected
		case n < 6:
			c.Date.Year = year - 1
		}
		if rng.IntN(200) == 0 {
			o := rng.IntN(300)
			c.Override = &o
		}
		contribs[i] = c
	}
	kindsOfRole := []RoleKind{RoleGroupLead, RoleGroupLead, RoleGroupLead, RolePromotedLead, RoleInvitation, RoleSpecialGrant}
	rs := make([]Role, roles)
	for i := range rs {
		rs[i] = Role{MemberID: uint64(rng.IntN(members)) + 1000, Year: year, Kind: kindsOfRole[rng.IntN(len(kindsOfRole))],
			Level: LevelACE, Group: "杭州用户组", Since: Date{year, time.Month(rng.IntN(12) + 1), 1}}
	}
	return contribs, rs
}

func BenchmarkStandings(b *testing.B) {
	contribs, roles := chapterYear(10_000, 200_000, 300)
	r := DefaultRules(year)
	b.ReportAllocs()
	for b.Loop() {
		Standings(r, contribs, roles)
	}
}

func TestStandingsAtScaleMatchANaiveSum(t *testing.T) {
	// 40 members with about 100 contributions each, so that long and short
	// runs of contributions are both sorted.
	contribs, roles := chapterYear(40, 4_000, 30)
	r := DefaultRules(year)
	quantity, override := map[uint64]map[string]int{}, map[uint64]map[string]int{}
	for _, c := range contribs {
		if c.Status != StatusApproved || c.Date.Year != year || c.Kind == "podcast" {
			continue
		}
		if quantity[c.MemberID] == nil {
			quantity[c.MemberID], override[c.MemberID] = map[string]int{}, map[string]int{}
		}
		if c.Override != nil {
			override[c.MemberID][c.Kind] += *c.Override
		} else {
			quantity[c.MemberID][c.Kind] += c.Quantity
		}
	}
	want := map[uint64]int{}
	for m := range quantity {
		for _, k := range r.Kinds {
			want[m] += quantity[m][k.Key]/k.Unit*k.Points + override[m][k.Key]
		}
	}

	got := Standings(r, contribs, roles)
	for _, st := range got {
		if st.Points != want[st.MemberID] {
			t.Errorf("member %d: %d points, want %d", st.MemberID, st.Points, want[st.MemberID])
		}
	}
	if len(got) != 40 {
		t.Errorf("%d standings, want one for each of the 40 members", len(got))
	}

	shuffled := append([]Contribution(nil), contribs...)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	if again := Standings(r, shuffled, roles); !reflect.DeepEqual(again, got) {
		t.Error("shuffling the contributions changed the standings")
	}
}
