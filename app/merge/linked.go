package merge

import (
	"strconv"

	"acedesk/app"
)

// linked decides which of the bundle's groups, events, contributions and
// decisions can be placed, and has the store place them: a record is
// placed only with every record it names, here already or placed by this
// merge. Events and contributions name each other, so both are decided
// before any is written.
func (m *merge) linked() error {
	d := &m.b.Data
	invalid := m.invalidLinked(d)
	place := map[string]map[uint64]bool{"group": {}, "event": {}, "contribution": {}, "decision": {}}
	placeable := func(kind string, src uint64) bool {
		if src == 0 || place[kind][src] {
			return true
		}
		if invalid[kind][src] {
			return false
		}
		_, ok := m.tx.Placed(kind, src)
		return ok
	}
	members := func(ids ...uint64) bool {
		for _, id := range ids {
			if !placeable("member", id) {
				return false
			}
		}
		return true
	}
	// A contribution named by an event is placeable when its member is.
	inBundle := make(map[uint64]uint64, len(d.Contributions))
	for _, c := range d.Contributions {
		if !invalid["contribution"][c.ID] {
			inBundle[c.ID] = c.MemberID
		}
	}
	contribution := func(id uint64) bool {
		if placeable("contribution", id) {
			return true
		}
		memberID, ok := inBundle[id]
		return ok && members(memberID)
	}
	decideContributions := func() {
		for _, c := range d.Contributions {
			if !invalid["contribution"][c.ID] && members(c.MemberID) && placeable("event", c.EventID) {
				place["contribution"][c.ID] = true
			}
		}
	}
	for _, g := range d.Groups {
		if !invalid["group"][g.ID] && members(leads(g)...) {
			place["group"][g.ID] = true
		}
	}
	for _, e := range d.Events {
		if !invalid["event"][e.ID] && eventRefsOK(e, members, placeable, contribution) {
			place["event"][e.ID] = true
		}
	}
	decideContributions()
	// An event is placed only with the contributions it names.
	for _, e := range d.Events {
		if !place["event"][e.ID] {
			continue
		}
		for _, id := range append([]uint64{e.OrganizerContributionID}, talkContributions(e)...) {
			if _, in := inBundle[id]; in && !place["contribution"][id] {
				delete(place["event"], e.ID)
			}
		}
	}
	clear(place["contribution"])
	decideContributions()
	for _, x := range d.Decisions {
		if !invalid["decision"][x.ID] && members(x.MemberID) && placeable("group", x.GroupID) {
			place["decision"][x.ID] = true
		}
	}
	return m.tx.PlaceLinked(d, place, m.counts, m.step)
}

func eventRefsOK(e app.Event, members func(...uint64) bool, placeable func(string, uint64) bool, contribution func(uint64) bool) bool {
	if !members(People(e)...) || !placeable("group", e.GroupID) || !contribution(e.OrganizerContributionID) {
		return false
	}
	for _, t := range e.Talks {
		if !contribution(t.ContributionID) {
			return false
		}
	}
	return true
}

// leads are the members a group names.
func leads(g app.Group) []uint64 {
	ids := make([]uint64, 0, len(g.Terms))
	for _, t := range g.Terms {
		ids = append(ids, t.LeadID)
	}
	return ids
}

// People are the members an event names: its organizer and speakers.
func People(e app.Event) []uint64 {
	ids := []uint64{e.OrganizerID}
	for _, t := range e.Talks {
		ids = append(ids, t.MemberID)
	}
	return ids
}

func talkContributions(e app.Event) []uint64 {
	out := make([]uint64, len(e.Talks))
	for i, t := range e.Talks {
		out[i] = t.ContributionID
	}
	return out
}

// invalidLinked lists, by kind, the groups, events, contributions and
// decisions of the bundle that fail the validation a typed record gets,
// each recorded as a conflict: they are held back like a record whose
// member is, and so is what names them.
func (m *merge) invalidLinked(d *app.BundleData) map[string]map[uint64]bool {
	out := map[string]map[uint64]bool{"group": {}, "event": {}, "contribution": {}, "decision": {}}
	check := func(kind string, id uint64, err error) {
		if err != nil {
			out[kind][id] = true
			m.invalid(kind, strconv.FormatUint(id, 10), err)
		}
	}
	for _, g := range d.Groups {
		check("group", g.ID, g.Validate())
	}
	for _, e := range d.Events {
		check("event", e.ID, e.Validate())
	}
	for _, c := range d.Contributions {
		check("contribution", c.ID, c.Validate())
	}
	for _, x := range d.Decisions {
		check("decision", x.ID, x.Validate())
	}
	return out
}
