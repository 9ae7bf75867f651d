package rules

import (
	"cmp"
	"slices"
)

// RenewalOutcome is what the year-end review does to a holder's level.
type RenewalOutcome string

const (
	RenewalKeep  RenewalOutcome = "keep"  // the year gives the level held
	RenewalRise  RenewalOutcome = "rise"  // the year gives a higher level
	RenewalDown  RenewalOutcome = "down"  // the year gives a lower level, above none
	RenewalLapse RenewalOutcome = "lapse" // the year gives no level
)

// RenewalEntry is one holder's level for the next year.
type RenewalEntry struct {
	MemberID uint64
	From, To Level
	Outcome  RenewalOutcome
	Reason   Reason // why To: the reason of the first track giving it
}

// Renewal reviews every current holder against one year's standings, sorted
// by MemberID. To is the level the year gives by any track, so a Director
// stays Director only while their invitation exists in that year. People
// with a level in the year who held nothing are new members, left to the
// quarterly batches.
func Renewal(standings []Standing, current []Holding) []RenewalEntry {
	byMember := make(map[uint64]*Standing, len(standings))
	for i := range standings {
		byMember[standings[i].MemberID] = &standings[i]
	}
	held := heldLevels(current)
	out := make([]RenewalEntry, 0, len(held))
	for id, from := range held {
		e := RenewalEntry{MemberID: id, From: from, To: LevelNone, Reason: noStandingReason()}
		if st, ok := byMember[id]; ok {
			e.To = st.Level
			e.Reason = reasonFor(st, st.Level)
		}
		e.Outcome = outcome(from, e.To)
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b RenewalEntry) int { return cmp.Compare(a.MemberID, b.MemberID) })
	return out
}

func outcome(from, to Level) RenewalOutcome {
	switch {
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
