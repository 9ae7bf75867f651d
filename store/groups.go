package store

import (
	"time"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

var groups = kept[app.Group]{bucket: bucketGroups, entity: "group",
	meta: func(g *app.Group) (*uint64, *int, *time.Time, *time.Time) {
		return &g.ID, &g.Version, &g.CreatedAt, &g.UpdatedAt
	}}

// leadIDs are the members leading a group in any year.
func leadIDs(g app.Group) []uint64 {
	ids := make([]uint64, 0, len(g.Terms))
	for _, t := range g.Terms {
		ids = append(ids, t.LeadID)
	}
	return ids
}

// CreateGroup stores a new group; its leads must be on the roster.
func (s *Store) CreateGroup(g app.Group, ch app.Change) (app.Group, error) {
	err := s.db.Update(func(tx *bolt.Tx) error { return saveGroup(tx, &g, ch) })
	return g, err
}

// UpdateGroup saves g if its Version is the stored one.
func (s *Store) UpdateGroup(g app.Group, ch app.Change) (app.Group, error) {
	err := s.db.Update(func(tx *bolt.Tx) error { return saveGroup(tx, &g, ch) })
	return g, err
}

// saveGroup creates g (ID 0) or updates it, moving the member references
// of its leads.
func saveGroup(tx *bolt.Tx, g *app.Group, ch app.Change) error {
	if err := membersExist(tx, leadIDs(*g)); err != nil {
		return err
	}
	var before []uint64
	var err error
	if g.ID == 0 {
		*g, err = groups.create(tx, *g, ch)
	} else {
		var old app.Group
		*g, old, err = groups.update(tx, *g, app.ActionUpdate, ch)
		before = leadIDs(old)
	}
	if err != nil {
		return err
	}
	return swapRefs(tx, before, leadIDs(*g))
}

// DeleteGroup removes a group that no event names.
func (s *Store) DeleteGroup(id uint64, version int, ch app.Change) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		used, err := events.all(tx, func(e *app.Event) bool { return e.GroupID == id })
		if err != nil {
			return err
		}
		if len(used) > 0 {
			return app.Errorf(app.CodeConflict, "group_has_events", "the group organised %d events: it cannot be deleted", len(used))
		}
		old, err := groups.remove(tx, id, version, ch)
		if err != nil {
			return err
		}
		return swapRefs(tx, leadIDs(old), nil)
	})
}

// GetGroup loads one group.
func (s *Store) GetGroup(id uint64) (app.Group, error) {
	var g app.Group
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		g, err = groups.load(tx, id)
		return err
	})
	return g, err
}

// Groups lists every group in ID order.
func (s *Store) Groups() ([]app.Group, error) {
	var out []app.Group
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		out, err = groups.all(tx, nil)
		return err
	})
	return out, err
}

// membersExist fails with not found for the first ID (other than 0) that
// is not on the roster.
func membersExist(tx *bolt.Tx, ids []uint64) error {
	for _, id := range ids {
		if id == 0 {
			continue
		}
		if _, err := loadMember(tx, id); err != nil {
			return err
		}
	}
	return nil
}
