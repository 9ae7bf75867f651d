package rules

import (
	"fmt"
	"testing"
)

const year = 2026

func day(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// approved is one approved contribution of quantity 1.
func approved(member uint64, kind, date string) Contribution {
	return Contribution{MemberID: member, Kind: kind, Date: day(date), Quantity: 1, Status: StatusApproved}
}

func beans(member uint64, date string, n int) Contribution {
	c := approved(member, "forum_beans", date)
	c.Quantity = n
	return c
}

func withStatus(c Contribution, s Status) Contribution {
	c.Status = s
	return c
}

func withOverride(c Contribution, points int) Contribution {
	c.Override = &points
	return c
}

func role(member uint64, kind RoleKind, group, since string) Role {
	return Role{MemberID: member, Year: year, Kind: kind, Group: group, Since: day(since)}
}

// standingsOf runs the 2024 table for year, numbering contributions in the
// order given.
func standingsOf(contribs []Contribution, roles []Role) []Standing {
	for i := range contribs {
		contribs[i].ID = uint64(i + 1)
	}
	return Standings(DefaultRules(year), contribs, roles)
}

// standingOf is the standing of member in out.
func standingOf(t *testing.T, out []Standing, member uint64) Standing {
	t.Helper()
	for _, st := range out {
		if st.MemberID == member {
			return st
		}
	}
	t.Fatalf("no standing for member %d in %d standings", member, len(out))
	return Standing{}
}

// trackSummary writes tracks as "track/level/code", enough to tell them apart.
func trackSummary(tracks []Track) []string {
	out := []string{}
	for _, tr := range tracks {
		out = append(out, fmt.Sprintf("%s/%s/%s", tr.Track, tr.Level, tr.Reason.Code))
	}
	return out
}
