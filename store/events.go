package store

import (
	"encoding/json"
	"time"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

var events = kept[app.Event]{bucket: bucketEvents, entity: "event",
	meta: func(e *app.Event) (*uint64, *int, *time.Time, *time.Time) {
		return &e.ID, &e.Version, &e.CreatedAt, &e.UpdatedAt
	}}

// people are the members an event names: its organizer and speakers.
func people(e app.Event) []uint64 {
	ids := []uint64{e.OrganizerID}
	for _, t := range e.Talks {
		ids = append(ids, t.MemberID)
	}
	return ids
}

// SaveEvent creates (ID 0) or updates an event and applies plan to its
// contributions, all in one transaction: an event is never saved without
// the contributions its talks earn, nor they without it.
func (s *Store) SaveEvent(e app.Event, plan app.EventPlan, ch app.Change) (app.Event, error) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := membersExist(tx, people(e)); err != nil {
			return err
		}
		if e.GroupID != 0 {
			if _, err := groups.load(tx, e.GroupID); err != nil {
				return err
			}
		}
		isNew := e.ID == 0
		var before []uint64
		if isNew {
			var err error
			if e.ID, err = events.nextID(tx); err != nil {
				return err
			}
		} else {
			old, err := events.checkVersion(tx, e.ID, e.Version)
			if err != nil {
				return err
			}
			before = people(old)
		}
		if err := applyPlan(tx, &e, plan, ch); err != nil {
			return err
		}
		var err error
		e.Registered, e.CheckedIn = 0, 0
		if isNew {
			e, err = events.create(tx, e, ch)
		} else {
			e, _, err = events.update(tx, e, app.ActionUpdate, ch)
		}
		if err != nil {
			return err
		}
		if err := swapRefs(tx, before, people(e)); err != nil {
			return err
		}
		return attendanceCounts(tx, &e)
	})
	return e, err
}

func applyPlan(tx *bolt.Tx, e *app.Event, plan app.EventPlan, ch app.Change) error {
	for _, c := range plan.Delete {
		if err := deleteContribution(tx, c.ID, c.Version, ch); err != nil {
			return err
		}
		for i := range e.Talks {
			if e.Talks[i].ContributionID == c.ID {
				e.Talks[i].ContributionID = 0
			}
		}
		if e.OrganizerContributionID == c.ID {
			e.OrganizerContributionID = 0
		}
	}
	for _, c := range plan.Update {
		if _, err := updateContribution(tx, c, app.ActionUpdate, ch); err != nil {
			return err
		}
	}
	for _, ec := range plan.Create {
		c := ec.Contribution
		c.EventID = e.ID
		c, err := createContribution(tx, c, ch)
		if err != nil {
			return err
		}
		if ec.Talk < 0 {
			e.OrganizerContributionID = c.ID
		} else {
			e.Talks[ec.Talk].ContributionID = c.ID
		}
	}
	return nil
}

// DeleteEvent removes an event, the contributions in plan (its pending
// ones; the service refuses when any was decided) and its registrations.
// An event where anyone checked in stays: that is a record of who came.
func (s *Store) DeleteEvent(id uint64, version int, plan app.EventPlan, ch app.Change) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		old, err := events.remove(tx, id, version, ch)
		if err != nil {
			return err
		}
		var registered []app.Attendee
		err = eachAttendee(tx, id, func(_ uint64, v []byte) error {
			var a app.Attendee
			if err := json.Unmarshal(v, &a); err != nil {
				return err
			}
			if a.CheckedIn {
				return app.Errorf(app.CodeConflict, "event_has_checkins", "people checked in at %s: it cannot be deleted", old.Name).
					WithParams("event", old.Name)
			}
			registered = append(registered, a)
			return nil
		})
		if err != nil {
			return err
		}
		for _, a := range registered {
			if err := removeAttendee(tx, a, app.ActionUnregister, ch); err != nil {
				return err
			}
		}
		if err := applyPlan(tx, &old, plan, ch); err != nil {
			return err
		}
		return swapRefs(tx, people(old), nil)
	})
}

// GetEvent loads one event.
func (s *Store) GetEvent(id uint64) (app.Event, error) {
	var e app.Event
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		if e, err = events.load(tx, id); err != nil {
			return err
		}
		return attendanceCounts(tx, &e)
	})
	return e, err
}

// GetEventBare loads one event, leaving its attendance counts at zero.
func (s *Store) GetEventBare(id uint64) (app.Event, error) {
	var e app.Event
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		e, err = events.load(tx, id)
		return err
	})
	return e, err
}

// Events lists the events of year (every year at 0), in ID order.
func (s *Store) Events(year int) ([]app.Event, error) {
	var out []app.Event
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		if out, err = events.all(tx, func(e *app.Event) bool { return year == 0 || e.Year() == year }); err != nil {
			return err
		}
		for i := range out {
			if err := attendanceCounts(tx, &out[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}
