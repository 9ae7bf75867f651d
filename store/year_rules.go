package store

import (
	"encoding/binary"

	"acedesk/app"
	"acedesk/app/rules"

	bolt "go.etcd.io/bbolt"
)

// GetYearRules returns the rules saved for year, if any.
func (s *Store) GetYearRules(year int) (rules.YearRules, bool, error) {
	var r rules.YearRules
	var ok bool
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		ok, err = get(tx.Bucket(bucketYearRules), yearPrefix(year), &r)
		return err
	})
	return r, ok, err
}

// LatestYearRulesBefore returns the rules of the latest saved year before
// year, if any: a new year starts from the last one's table.
func (s *Store) LatestYearRulesBefore(year int) (rules.YearRules, bool, error) {
	var r rules.YearRules
	var ok bool
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketYearRules).Cursor()
		k, _ := c.Seek(yearPrefix(year))
		if k == nil {
			k, _ = c.Last()
		} else {
			k, _ = c.Prev()
		}
		if k == nil || int(binary.BigEndian.Uint16(k)) >= year {
			return nil
		}
		var err error
		ok, err = get(tx.Bucket(bucketYearRules), k, &r)
		return err
	})
	return r, ok, err
}

// SaveYearRules stores a year's rules, auditing the table before and after.
func (s *Store) SaveYearRules(r rules.YearRules, ch app.Change) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketYearRules)
		var old rules.YearRules
		found, err := get(b, yearPrefix(r.Year), &old)
		if err != nil {
			return err
		}
		if err := put(b, yearPrefix(r.Year), r); err != nil {
			return err
		}
		var before any
		if found {
			before = old
		}
		return appendAudit(tx, ch, app.ActionUpdate, "rules", uint64(r.Year), before, r)
	})
}

// RuleYears lists the years with saved rules, ascending.
func (s *Store) RuleYears() ([]int, error) {
	years := []int{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketYearRules).ForEach(func(k, _ []byte) error {
			years = append(years, int(binary.BigEndian.Uint16(k)))
			return nil
		})
	})
	return years, err
}
