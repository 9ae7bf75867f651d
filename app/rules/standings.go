package rules

import (
	"cmp"
	"slices"
	"time"
)

// Track is one way a member reaches a level in a year.
type Track struct {
	Track  string // "points", "lead", "promotion", "invitation" or "special"
	Level  Level
	Reason Reason
	// Since is the first day of the year the track gave Level: for points,
	// the day of the contribution that crossed its threshold (zero at
	// none); for a role, the day it began.
	Since Date
}

// Standing is a member's points and level in one year.
type Standing struct {
	MemberID     uint64
	Year         int
	Points       int
	PointsByKind map[string]int // every kind of the year's rules, 0 if none
	// PointsByMonth is Points spread over the months in which they were
	// earned, January first: a kind counted per unit (forum beans) earns
	// its points in the month the running sum completed each unit.
	PointsByMonth [12]int
	Level         Level   // the highest of all tracks
	Tracks        []Track // the points track first, always; then roles in the order given
	// Next is the next level points can give and ToNext the points still
	// missing ("还差 40 分"); Next is "" at ACE by points, since Director is
	// by invitation only.
	Next   Level
	ToNext int
	// QualifiedOn is, for each level from Partner up to Level, the first
	// day of the year any track gave that level or a higher one. Quarterly
	// batches read it.
	QualifiedOn map[Level]Date
}

// Standings computes every member's standing in r.Year: one per member with
// a contribution (of any status) or a role in that year, sorted by
// MemberID. Only approved contributions dated in the year earn points, and
// a kind missing from the year's rules earns none. r should pass Validate.
func Standings(r YearRules, contribs []Contribution, roles []Role) []Standing {
	g := groupByMember(r, contribs, roles)
	t := newThresholds(r)

	// One backing array for all tracks instead of one per member.
	tracks := make([]Track, 0, len(g.ids)+len(g.roles))
	out := make([]Standing, len(g.ids))
	w := newWalk(r)
	nextRole := 0
	for m, id := range g.ids {
		w.run(g.earnings[g.start[m]:g.start[m+1]])
		level, firsts := w.level, w.firsts()
		first := len(tracks)
		tracks = append(tracks, w.track(t))
		for ; nextRole < len(g.roles) && g.roles[nextRole].member == int32(m); nextRole++ {
			role := roles[g.roles[nextRole].index]
			since := role.since()
			tracks = append(tracks, Track{Track: role.track(), Level: role.Gives(), Reason: roleReason(role), Since: since})
			level = higher(level, role.Gives())
			firsts.reach(role.Gives(), since)
		}
		next, toNext := w.next()
		out[m] = Standing{MemberID: id, Year: r.Year, Points: w.total, PointsByKind: w.byKind(), PointsByMonth: w.months, Level: level,
			Tracks: tracks[first:len(tracks):len(tracks)], Next: next, ToNext: toNext, QualifiedOn: firsts.byLevel()}
	}
	return out
}

// Idle is the standing of a member with nothing in r's year: no points,
// no level, the whole way to Partner still to go. It is what Standings
// gives a member whose one record earns nothing.
func Idle(r YearRules, member uint64) Standing {
	return Standings(r, []Contribution{{MemberID: member, Date: Date{r.Year, time.January, 1}, Status: StatusRejected}}, nil)[0]
}

// firstDays is the first day each level, indexed by rank, was reached.
type firstDays struct {
	on      [4]Date
	reached [4]bool
}

// reach records that a level, and so every level below it, was held on
// day d, keeping the earliest day per level.
func (f *firstDays) reach(l Level, d Date) {
	for i := 1; i <= l.Rank(); i++ {
		if !f.reached[i] || d.Before(f.on[i]) {
			f.on[i], f.reached[i] = d, true
		}
	}
}

func (f *firstDays) byLevel() map[Level]Date {
	q := make(map[Level]Date, 3)
	for i, x := range levels {
		if f.reached[i] {
			q[x.level] = f.on[i]
		}
	}
	return q
}

// earning is an approved contribution of the year cut down to what the
// running total needs, so that sorting a member's contributions by day
// moves a few small values instead of chasing the caller's large structs.
type earning struct {
	amount     int   // the override if overridden, else the quantity
	slot       int32 // the kind's index in the year's rules
	day        int16 // month*32 + day of month, which orders the days of one year
	overridden bool
}

func (e earning) date(year int) Date {
	return Date{year, time.Month(e.day / 32), int(e.day % 32)}
}

// walk runs one member's earnings in date order, keeping the running total
// to find the day each threshold was crossed. Its buffers are reused from
// member to member.
type walk struct {
	r         YearRules
	quantity  []int // summed quantity per kind, overridden ones left out
	overrides []int // summed override points per kind
	total     int
	months    [12]int // total earned per month
	level     Level
	partnerOn Date
	aceOn     Date
}

func newWalk(r YearRules) *walk {
	return &walk{r: r, quantity: make([]int, len(r.Kinds)), overrides: make([]int, len(r.Kinds))}
}

func (w *walk) kindPoints(slot int32) int {
	return w.r.Kinds[slot].PointsFor(w.quantity[slot]) + w.overrides[slot]
}

func (w *walk) run(earnings []earning) {
	sortByDay(earnings)
	clear(w.quantity)
	clear(w.overrides)
	w.total, w.months, w.level = 0, [12]int{}, LevelNone
	for _, e := range earnings {
		before := w.kindPoints(e.slot)
		if e.overridden {
			w.overrides[e.slot] += e.amount
		} else {
			w.quantity[e.slot] += e.amount
		}
		// Beans below a full unit earn nothing until a later contribution
		// completes it, so the total moves by the kind's difference.
		gained := w.kindPoints(e.slot) - before
		w.total += gained
		w.months[e.day/32-1] += gained
		if w.level == LevelNone && w.total >= w.r.PartnerThreshold {
			w.level, w.partnerOn = LevelPartner, e.date(w.r.Year)
		}
		if w.level == LevelPartner && w.total >= w.r.ACEThreshold {
			w.level, w.aceOn = LevelACE, e.date(w.r.Year)
		}
	}
}

// track is the points track the walk ended on.
func (w *walk) track(t thresholds) Track {
	tr := Track{Track: "points", Level: w.level, Reason: pointsReason(w.total, w.level, t)}
	switch w.level {
	case LevelACE:
		tr.Since = w.aceOn
	case LevelPartner:
		tr.Since = w.partnerOn
	}
	return tr
}

// firsts is the first day the walk reached each level.
func (w *walk) firsts() firstDays {
	var f firstDays
	if w.level != LevelNone {
		f.reach(LevelPartner, w.partnerOn)
	}
	if w.level == LevelACE {
		f.reach(LevelACE, w.aceOn)
	}
	return f
}

// next is the next level points can give and the points still missing.
// There is none past ACE: Director is by invitation only.
func (w *walk) next() (Level, int) {
	switch w.level {
	case LevelNone:
		return LevelPartner, w.r.PartnerThreshold - w.total
	case LevelPartner:
		return LevelACE, w.r.ACEThreshold - w.total
	}
	return "", 0
}

func (w *walk) byKind() map[string]int {
	m := make(map[string]int, len(w.r.Kinds))
	for s, k := range w.r.Kinds {
		m[k.Key] = w.kindPoints(int32(s))
	}
	return m
}

// sortByDay puts a member's earnings in date order. Earnings of the same
// day may run in any order: they cross a threshold on the same day and add
// up to the same total. Most members have a few dozen earnings, where an
// insertion sort is several times faster than the general sort.
func sortByDay(earnings []earning) {
	if len(earnings) > 64 {
		slices.SortFunc(earnings, func(a, b earning) int { return cmp.Compare(a.day, b.day) })
		return
	}
	for i := 1; i < len(earnings); i++ {
		for j := i; j > 0 && earnings[j].day < earnings[j-1].day; j-- {
			earnings[j], earnings[j-1] = earnings[j-1], earnings[j]
		}
	}
}

// grouping is the year's earnings and roles grouped by member, members
// numbered in MemberID order.
type grouping struct {
	ids      []uint64  // MemberID per member number, ascending
	start    []int32   // member m's earnings are earnings[start[m]:start[m+1]]
	earnings []earning // grouped by member
	roles    []memberRole
}

type memberRole struct {
	member int32 // member number
	index  int32 // index into roles
}

// groupByMember groups with one map pass and a counting sort rather than a
// comparison sort of all contributions, which matters at hundreds of
// thousands of contributions.
func groupByMember(r YearRules, contribs []Contribution, roles []Role) grouping {
	number := make(map[uint64]int32)
	var ids []uint64
	numberOf := func(id uint64) int32 {
		n, ok := number[id]
		if !ok {
			n = int32(len(ids))
			number[id] = n
			ids = append(ids, id)
		}
		return n
	}

	// Number members as first seen, and note each contribution's kind
	// slot; -1 for those that earn nothing.
	type place struct{ member, slot int32 }
	places := make([]place, len(contribs))
	for i := range contribs {
		c := &contribs[i]
		places[i].slot = -1
		if c.Date.Year != r.Year {
			continue
		}
		places[i].member = numberOf(c.MemberID)
		if c.Status == StatusApproved {
			places[i].slot = int32(r.slot(c.Kind))
		}
	}
	var yearRoles []memberRole
	for i, role := range roles {
		if role.Year != r.Year {
			continue
		}
		n := numberOf(role.MemberID)
		if role.Gives() != LevelNone {
			yearRoles = append(yearRoles, memberRole{n, int32(i)})
		}
	}

	// Renumber members in MemberID order.
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	for n, id := range sorted {
		number[id] = int32(n)
	}
	renumber := make([]int32, len(ids)) // first-seen number to MemberID order
	for old, id := range ids {
		renumber[old] = number[id]
	}
	for i := range yearRoles {
		yearRoles[i].member = renumber[yearRoles[i].member]
	}
	slices.SortStableFunc(yearRoles, func(a, b memberRole) int { return cmp.Compare(a.member, b.member) })

	// Counting sort of the earnings by member.
	start := make([]int32, len(ids)+1)
	for i, p := range places {
		if p.slot >= 0 {
			places[i].member = renumber[p.member]
			start[places[i].member+1]++
		}
	}
	for n := range ids {
		start[n+1] += start[n]
	}
	next := slices.Clone(start[:len(ids)])
	earnings := make([]earning, start[len(ids)])
	for i, p := range places {
		if p.slot < 0 {
			continue
		}
		c := &contribs[i]
		e := earning{day: int16(c.Date.Month)*32 + int16(c.Date.Day), slot: p.slot, amount: max(c.Quantity, 1)}
		if c.Override != nil {
			e.amount, e.overridden = OverridePoints(*c.Override), true
		}
		earnings[next[p.member]] = e
		next[p.member]++
	}
	return grouping{ids: sorted, start: start, earnings: earnings, roles: yearRoles}
}
