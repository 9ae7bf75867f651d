package store

import (
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
		if isNew {
			e, err = events.create(tx, e, ch)
		} else {
			e, _, err = events.update(tx, e, app.ActionUpdate, ch)
		}
		if err != nil {
			return err
		}
		return swapRefs(tx, before, people(e))
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

// DeleteEvent removes an event and the contributions in plan (its pending
// ones; the service refuses when any was decided).
func (s *Store) DeleteEvent(id uint64, version int, plan app.EventPlan, ch app.Change) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		old, err := events.remove(tx, id, version, ch)
		if err != nil {
			return err
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
		out, err = events.all(tx, func(e *app.Event) bool { return year == 0 || e.Year() == year })
		return err
	})
	return out, err
}
