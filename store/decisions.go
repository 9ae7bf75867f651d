package store

import (
	"strconv"
	"time"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

var decisions = kept[app.Decision]{bucket: bucketDecisions, entity: "decision",
	meta: func(d *app.Decision) (*uint64, *int, *time.Time, *time.Time) {
		return &d.ID, &d.Version, &d.CreatedAt, &d.UpdatedAt
	}}

// CreateDecision records a decision. A correction also sets the level the
// member holds in the decision's year (none removes it), in the same
// transaction, and only that year's.
func (s *Store) CreateDecision(d app.Decision, ch app.Change) (app.Decision, error) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := membersExist(tx, []uint64{d.MemberID}); err != nil {
			return err
		}
		if d.GroupID != 0 {
			if _, err := groups.load(tx, d.GroupID); err != nil {
				return err
			}
		}
		var err error
		if d, err = decisions.create(tx, d, ch); err != nil {
			return err
		}
		if err := swapRefs(tx, nil, []uint64{d.MemberID}); err != nil {
			return err
		}
		if d.Kind != app.DecisionCorrection {
			return nil
		}
		h := app.Holding{MemberID: d.MemberID, Year: d.Year, Level: d.Level, Source: "decision:" + strconv.FormatUint(d.ID, 10)}
		return setHolding(tx, h, ch)
	})
	return d, err
}

// WithdrawDecision marks a decision withdrawn; it stays on record. A
// withdrawn correction leaves the holding as it is: the next correction,
// batch or renewal sets it.
func (s *Store) WithdrawDecision(d app.Decision, ch app.Change) (app.Decision, error) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		var err error
		d, _, err = decisions.update(tx, d, "withdraw", ch)
		return err
	})
	return d, err
}

// GetDecision loads one decision.
func (s *Store) GetDecision(id uint64) (app.Decision, error) {
	var d app.Decision
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		d, err = decisions.load(tx, id)
		return err
	})
	return d, err
}

// Decisions lists the decisions for year (every year at 0), in ID order.
func (s *Store) Decisions(year int) ([]app.Decision, error) {
	var out []app.Decision
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		out, err = decisions.all(tx, func(d *app.Decision) bool { return year == 0 || d.Year == year })
		return err
	})
	return out, err
}
