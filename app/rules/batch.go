package rules

import (
	"cmp"
	"slices"
)

// BatchEntry is a member going online in a batch: new in the year, or an
// upgrade from the level held in it (From).
type BatchEntry struct {
	MemberID    uint64
	Level       Level
	From        Level
	QualifiedOn Date
	// Late: qualified before the batch's span began, on a record that
	// came after the batches of that time.
	Late   bool
	Reason Reason
}

// New reports whether the member held no level in the year before.
func (e BatchEntry) New() bool { return e.From.Rank() == 0 }

// BatchCandidates lists, sorted by MemberID, everyone whose standing in a
// year gives, by the span's last day, a higher level than they hold in
// that year: new members and upgrades alike (a Partner who reaches ACE
// goes online as ACE). A quarterly batch spans its quarter; one whose
// member qualified before the span began came in late (a back-dated
// contribution, a late approval, a lead appointed with an earlier start)
// and still goes online now. Standings of other years count for nothing:
// their QualifiedOn days fall in their own year.
func BatchCandidates(first, last Date, standings []Standing, held []Holding) []BatchEntry {
	holds := heldLevels(held)
	var out []BatchEntry
	for i := range standings {
		st := &standings[i]
		if st.Year != last.Year {
			continue
		}
		level, on, ok := highestBy(st.QualifiedOn, last)
		from := holds[st.MemberID]
		if !ok || level.Rank() <= from.Rank() {
			continue
		}
		out = append(out, BatchEntry{MemberID: st.MemberID, Level: level, From: higher(LevelNone, from), QualifiedOn: on,
			Late: on.Before(first), Reason: reachedReason(st, level, on)})
	}
	slices.SortFunc(out, func(a, b BatchEntry) int { return cmp.Compare(a.MemberID, b.MemberID) })
	return out
}

// QuarterSpan is the first and last day of a quarter of year.
func QuarterSpan(year, quarter int) (first, last Date) { return quarterSpan(year, quarter) }

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
