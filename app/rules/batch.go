package rules

import (
	"cmp"
	"slices"
)

// BatchEntry is a new member published in a quarterly batch ("2026-Q2").
type BatchEntry struct {
	MemberID    uint64
	Level       Level
	QualifiedOn Date
	Reason      Reason
}

// BatchCandidates lists the new members of a quarter of year, sorted by
// MemberID: those who hold no level now and whose highest level reached by
// the quarter's last day was first reached inside the quarter. Standings
// of other years fall outside the quarter; a quarter outside 1–4 has no
// entries.
//
// Someone who joined as Partner in Q1 and reached ACE in Q2 holds a level,
// so they are not new in Q2: a rise during the year is decided at the
// year-end Renewal, not in a batch.
func BatchCandidates(year, quarter int, standings []Standing, current []Holding) []BatchEntry {
	if quarter < 1 || quarter > 4 {
		return nil
	}
	first, last := quarterSpan(year, quarter)
	held := heldLevels(current)
	var out []BatchEntry
	for i := range standings {
		st := &standings[i]
		if _, holds := held[st.MemberID]; holds {
			continue
		}
		level, on, ok := highestBy(st.QualifiedOn, last)
		if !ok || on.Before(first) {
			continue
		}
		out = append(out, BatchEntry{MemberID: st.MemberID, Level: level, QualifiedOn: on, Reason: reachedReason(st, level, on)})
	}
	slices.SortFunc(out, func(a, b BatchEntry) int { return cmp.Compare(a.MemberID, b.MemberID) })
	return out
}

// highestBy is the highest level reached on or before day last, and when.
func highestBy(qualifiedOn map[Level]Date, last Date) (Level, Date, bool) {
	for i := len(levels) - 1; i > 0; i-- {
		if on, ok := qualifiedOn[levels[i].level]; ok && !last.Before(on) {
			return levels[i].level, on, true
		}
	}
	return LevelNone, Date{}, false
}

// reachedReason explains how level was reached on day on: by the role that
// began that day if one did, else by points.
func reachedReason(st *Standing, level Level, on Date) Reason {
	for _, t := range st.Tracks {
		if t.Track != "points" && t.Level == level && t.Since == on {
			return t.Reason
		}
	}
	return reachedByPointsReason(level, on)
}
