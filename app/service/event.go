package service

import (
	"cmp"
	"slices"

	"acedesk/app"
)

// eventStore is what EventService needs of the store.
type eventStore interface {
	DeleteEvent(id uint64, version int, plan app.EventPlan, ch app.Change) error
	Events(year int) ([]app.Event, error)
	GetContribution(id uint64) (app.Contribution, error)
	GetEvent(id uint64) (app.Event, error)
	GetMember(id uint64) (app.Member, error)
	// SaveEvent creates (ID 0) or updates an event with its contributions.
	SaveEvent(e app.Event, plan app.EventPlan, ch app.Change) (app.Event, error)
}

// EventService records events. A talk at an event of a kind that earns
// points, and the organizer of a university event, get a pending
// contribution, kept in step with the event while it is pending.
type EventService struct {
	repo     eventStore
	settings *SettingsService
	rules    *RulesService
	// clock says which events are today's, for the LAN desk.
	clock app.Clock
}

// Kinds lists the event kinds in the order the UI offers them.
func (s *EventService) Kinds() []string { return app.EventKinds }

// List returns the events of year (0: every year), newest first.
func (s *EventService) List(year int) ([]app.Event, error) {
	out, err := s.repo.Events(year)
	slices.SortFunc(out, func(a, b app.Event) int { return cmp.Or(cmp.Compare(b.Date, a.Date), cmp.Compare(b.ID, a.ID)) })
	return out, err
}

// Get loads one event.
func (s *EventService) Get(id uint64) (app.Event, error) { return s.repo.GetEvent(id) }

// Save creates (ID 0) or updates an event with its talks, creating,
// updating or removing their pending contributions in the same transaction.
// A talk whose contribution was already approved or rejected cannot change.
func (s *EventService) Save(in app.Event) (app.Event, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return app.Event{}, err
	}
	var old app.Event
	if in.ID != 0 {
		var err error
		if old, err = s.repo.GetEvent(in.ID); err != nil {
			return app.Event{}, err
		}
	}
	in.OrganizerContributionID = old.OrganizerContributionID
	plan, err := s.plan(old, in)
	if err != nil {
		return app.Event{}, err
	}
	c, err := s.settings.change()
	if err != nil {
		return app.Event{}, err
	}
	return s.repo.SaveEvent(in, plan, c)
}

// Delete removes an event and its pending contributions; an event with a
// decided contribution stays.
func (s *EventService) Delete(id uint64, version int) error {
	old, err := s.repo.GetEvent(id)
	if err != nil {
		return err
	}
	plan, err := s.plan(old, app.Event{ID: id, OrganizerContributionID: old.OrganizerContributionID})
	if err != nil {
		return err
	}
	c, err := s.settings.change()
	if err != nil {
		return err
	}
	return s.repo.DeleteEvent(id, version, plan, c)
}

// plan works out the contributions that take old to e.
func (s *EventService) plan(old, e app.Event) (app.EventPlan, error) {
	var p app.EventPlan
	want, err := s.wanted(e)
	if err != nil {
		return p, err
	}
	kept := map[uint64]bool{}
	for i, t := range e.Talks {
		if t.ContributionID != 0 {
			if !slices.ContainsFunc(old.Talks, func(o app.Talk) bool { return o.ContributionID == t.ContributionID }) {
				return p, app.Errorf(app.CodeInvalid, "talk_unknown", "talk %d does not belong to this event", i+1)
			}
			kept[t.ContributionID] = true
		}
		if err := s.reconcile(&p, i, t.ContributionID, want(e.TalkKind(), t.MemberID, t.Title)); err != nil {
			return p, err
		}
	}
	for _, t := range old.Talks {
		if t.ContributionID != 0 && !kept[t.ContributionID] {
			if err := s.reconcile(&p, 0, t.ContributionID, nil); err != nil {
				return p, err
			}
		}
	}
	return p, s.reconcile(&p, -1, e.OrganizerContributionID, want(e.OrganizerKind(), e.OrganizerID, e.Name))
}

// wanted returns what contribution a talk or organizer of e should have:
// none when the kind is "" or missing from the year's rules.
func (s *EventService) wanted(e app.Event) (func(kind string, member uint64, title string) *app.Contribution, error) {
	if e.Date == "" { // a deletion: nothing is wanted
		return func(string, uint64, string) *app.Contribution { return nil }, nil
	}
	r, err := s.rules.Get(e.Year())
	if err != nil {
		return nil, err
	}
	return func(kind string, member uint64, title string) *app.Contribution {
		if _, ok := r.Kind(kind); !ok || kind == "" || member == 0 {
			return nil
		}
		return &app.Contribution{MemberID: member, Kind: kind, Date: e.Date, Quantity: 1, Title: title, Status: app.StatusPending}
	}, nil
}

// reconcile adds to p what takes the contribution have (0: none) to want
// (nil: none), for talk index talk (-1: the organizer).
func (s *EventService) reconcile(p *app.EventPlan, talk int, have uint64, want *app.Contribution) error {
	if have == 0 {
		if want != nil {
			p.Create = append(p.Create, app.EventContribution{Talk: talk, Contribution: *want})
		}
		return nil
	}
	c, err := s.repo.GetContribution(have)
	if err != nil {
		return err
	}
	if want != nil && c.MemberID == want.MemberID && c.Kind == want.Kind && c.Date == want.Date && c.Title == want.Title {
		return nil
	}
	if c.Status != app.StatusPending {
		return app.Errorf(app.CodeConflict, "talk_decided", "the contribution for %q is already %s: it cannot change with the event", c.Title, c.Status).
			WithParams("title", c.Title, "status", c.Status)
	}
	if want == nil {
		p.Delete = append(p.Delete, c)
		return nil
	}
	c.MemberID, c.Kind, c.Date, c.Title = want.MemberID, want.Kind, want.Date, want.Title
	p.Update = append(p.Update, c)
	return nil
}

// Speaker is one of an event's talks with its speaker's name: what the
// desk shows, which may not read the roster.
type Speaker struct {
	MemberID uint64 `json:"member_id"`
	Name     string `json:"name"`
	Title    string `json:"title"`
}

// Speakers lists an event's talks with their speakers' names, in the
// event's order, whether or not a speaker registered to attend.
func (s *EventService) Speakers(eventID uint64) ([]Speaker, error) {
	e, err := s.repo.GetEvent(eventID)
	if err != nil {
		return nil, err
	}
	out := make([]Speaker, 0, len(e.Talks))
	for _, t := range e.Talks {
		m, err := s.repo.GetMember(t.MemberID)
		if err != nil {
			return nil, err
		}
		out = append(out, Speaker{MemberID: t.MemberID, Name: m.Name, Title: t.Title})
	}
	return out, nil
}

// Today lists the events dated today on the hub's clock: the events a
// desk may work on.
func (s *EventService) Today() ([]app.Event, error) {
	now := s.clock.Now()
	today := now.Format(app.DateLayout)
	list, err := s.List(now.Year())
	out := []app.Event{}
	for _, e := range list {
		if e.Date == today {
			out = append(out, e)
		}
	}
	return out, err
}
