package rules

import (
	"cmp"
	"slices"
)

// RenewalOutcome is what the year-end review does to a member's level.
type RenewalOutcome string

const (
	RenewalKeep  RenewalOutcome = "keep"  // the year gives the level held
	RenewalRise  RenewalOutcome = "rise"  // the year gives a higher level
	RenewalDown  RenewalOutcome = "down"  // the year gives a lower level, above none
	RenewalLapse RenewalOutcome = "lapse" // the year gives no level
	// RenewalNew is a member who reached a level in the year without
	// holding it yet (their batch is still to be published).
	RenewalNew RenewalOutcome = "new"
)

// RenewalEntry is one member's level for the next year.
type RenewalEntry struct {
	MemberID uint64
	From, To Level
	Outcome  RenewalOutcome
	Reason   Reason // why To: the reason of the first track giving it
}

// Renewal reviews a year (12 月底, "达成 500/200 积分，以获得/保持(第二年)成员
// 资格"): every holder of the year and everyone whose standing in it gives
// a level gets, for the next year, the level the whole year gives by any
// track; sorted by MemberID. From is the level held in the year. So a
// Director stays Director only while invited in that year, and a lead not
// re-appointed falls back to their points.
func Renewal(standings []Standing, held []Holding) []RenewalEntry {
	byMember := make(map[uint64]*Standing, len(standings))
	for i := range standings {
		byMember[standings[i].MemberID] = &standings[i]
	}
	holds := heldLevels(held)
	members := make([]uint64, 0, len(holds)+len(byMember))
	for id := range holds {
		members = append(members, id)
	}
	for id, st := range byMember {
		if _, holder := holds[id]; !holder && st.Level.Rank() > 0 {
			members = append(members, id)
		}
	}
	slices.Sort(members)
	out := make([]RenewalEntry, 0, len(members))
	for _, id := range members {
		from := higher(LevelNone, holds[id])
		e := RenewalEntry{MemberID: id, From: from, To: LevelNone, Reason: noStandingReason()}
		if st, ok := byMember[id]; ok {
			e.To = st.Level
			e.Reason = reasonFor(st, st.Level)
		}
		e.Outcome = outcome(from, e.To)
		out = append(out, e)
	}
	return out
}

func outcome(from, to Level) RenewalOutcome {
	switch {
	case from.Rank() == 0:
		return RenewalNew
	case to.Rank() == from.Rank():
		return RenewalKeep
	case to.Rank() > from.Rank():
		return RenewalRise
	case to.Rank() == 0:
		return RenewalLapse
	}
	return RenewalDown
}

// reasonFor is the reason of the first track giving level; the points
// track comes first, so at none it explains the points missing.
func reasonFor(st *Standing, level Level) Reason {
	for _, t := range st.Tracks {
		if t.Level == level {
			return t.Reason
		}
	}
	return Reason{}
}

// Compare orders the levels by rank.
func Compare(a, b Level) int { return cmp.Compare(a.Rank(), b.Rank()) }
