package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"slices"
	"strconv"
	"strings"

	"acedesk/app"
	"acedesk/app/rules"

	bolt "go.etcd.io/bbolt"
)

// Contributions are kept in a compact binary form (see
// encodeContribution), listed by member (contrib_by_member) and indexed by
// year (2-byte year + contribution ID), so a year's standings are a prefix
// scan. The year index's values are points records (see pointsRecord), so
// standings never decode the records themselves. Each contribution also
// counts as a reference to its member in member_refs: a member with
// contributions has history.

// CreateContribution stores a new contribution for an existing member.
func (s *Store) CreateContribution(c app.Contribution, ch app.Change) (app.Contribution, error) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		var err error
		c, err = createContribution(tx, c, ch)
		return err
	})
	return c, err
}

func createContribution(tx *bolt.Tx, c app.Contribution, ch app.Change) (app.Contribution, error) {
	if _, err := loadMember(tx, c.MemberID); err != nil {
		return c, err
	}
	id, err := tx.Bucket(bucketContributions).NextSequence()
	if err != nil {
		return c, err
	}
	c.ID, c.Version, c.CreatedAt, c.UpdatedAt = id, 1, ch.At, ch.At
	if err := indexContribution(tx, c); err != nil {
		return c, err
	}
	if err := putContribution(tx.Bucket(bucketContributions), &c); err != nil {
		return c, err
	}
	return c, appendAudit(tx, ch, app.ActionCreate, "contribution", id, nil, c)
}

// UpdateContribution saves c if c.Version is still the stored version.
func (s *Store) UpdateContribution(c app.Contribution, action string, ch app.Change) (app.Contribution, error) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		var err error
		c, err = updateContribution(tx, c, action, ch)
		return err
	})
	return c, err
}

func updateContribution(tx *bolt.Tx, c app.Contribution, action string, ch app.Change) (app.Contribution, error) {
	old, err := checkContribution(tx, c.ID, c.Version)
	if err != nil {
		return c, err
	}
	if c.MemberID != old.MemberID {
		if _, err := loadMember(tx, c.MemberID); err != nil {
			return c, err
		}
	}
	c.Version, c.CreatedAt, c.UpdatedAt = old.Version+1, old.CreatedAt, ch.At
	if err := unindexContribution(tx, old); err != nil {
		return c, err
	}
	if err := indexContribution(tx, c); err != nil {
		return c, err
	}
	if err := putContribution(tx.Bucket(bucketContributions), &c); err != nil {
		return c, err
	}
	return c, appendAudit(tx, ch, action, "contribution", c.ID, old, c)
}

// DeleteContribution removes a contribution recorded by mistake.
func (s *Store) DeleteContribution(id uint64, version int, ch app.Change) error {
	return s.db.Update(func(tx *bolt.Tx) error { return deleteContribution(tx, id, version, ch) })
}

func deleteContribution(tx *bolt.Tx, id uint64, version int, ch app.Change) error {
	old, err := checkContribution(tx, id, version)
	if err != nil {
		return err
	}
	if err := unindexContribution(tx, old); err != nil {
		return err
	}
	if err := tx.Bucket(bucketContributions).Delete(itob(id)); err != nil {
		return err
	}
	return appendAudit(tx, ch, app.ActionDelete, "contribution", id, old, nil)
}

// checkContribution loads a contribution that must still be at version.
func checkContribution(tx *bolt.Tx, id uint64, version int) (app.Contribution, error) {
	old, err := loadContribution(tx, id)
	if err != nil {
		return old, err
	}
	if old.Version != version {
		return old, app.Errorf(app.CodeConflict, "contribution_stale", "contribution %d was changed by someone else: reload and try again", id)
	}
	return old, nil
}

// GetContribution loads one contribution.
func (s *Store) GetContribution(id uint64) (app.Contribution, error) {
	var c app.Contribution
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		c, err = loadContribution(tx, id)
		return err
	})
	return c, err
}

// ContributionsOfMember lists a member's contributions, oldest record first.
func (s *Store) ContributionsOfMember(memberID uint64) ([]app.Contribution, error) {
	out := []app.Contribution{}
	err := s.db.View(func(tx *bolt.Tx) error {
		ids, err := memberContributionIDs(tx, memberID)
		if err != nil {
			return err
		}
		out, err = loadContributions(tx, ids, out)
		return err
	})
	return out, err
}

// PointsInputsOfYear returns what the rules need of every contribution
// dated in year, read from the year index alone.
func (s *Store) PointsInputsOfYear(year int) ([]rules.Contribution, error) {
	var out []rules.Contribution
	err := s.db.View(func(tx *bolt.Tx) error {
		prefix := yearPrefix(year)
		c := tx.Bucket(bucketContribByYear).Cursor()
		inYear := func(k []byte) bool { return k != nil && len(k) == len(prefix)+8 && string(k[:2]) == string(prefix) }
		// Counting first sizes the result once: growing it instead copied
		// a year of records several times over.
		n := 0
		for k, _ := c.Seek(prefix); inYear(k); k, _ = c.Next() {
			n++
		}
		out = make([]rules.Contribution, 0, n)
		kinds := map[string]string{}
		for k, v := c.Seek(prefix); inYear(k); k, v = c.Next() {
			rc, err := decodePointsRecord(btoi(k[2:]), v, kinds)
			if err != nil {
				return err
			}
			out = append(out, rc)
		}
		return nil
	})
	return out, err
}

// ListContributions filters the year's points records (status, member,
// kind) without decoding the records, matches text against the
// members' search records and, only where those miss, the titles; then
// sorts newest date first (newest record first within a day) and loads the
// page. All in one read transaction.
func (s *Store) ListContributions(q app.ContributionQuery) (app.ContributionPage, error) {
	type hit struct {
		id, memberID uint64
		date         rules.Date
	}
	terms := strings.Fields(strings.ToLower(q.Text))
	for i, t := range terms {
		terms[i] = app.NormalizePhone(t)
	}
	page := app.ContributionPage{Items: []app.ContributionRow{}}
	err := s.db.View(func(tx *bolt.Tx) error {
		all := tx.Bucket(bucketContributions)
		memberText := map[uint64][]byte{}
		textOf := func(memberID uint64) []byte {
			t, ok := memberText[memberID]
			if !ok {
				_, _, t = splitSearchRecord(tx.Bucket(bucketMemberIndex).Get(itob(memberID)))
				memberText[memberID] = t
			}
			return t
		}
		var hits []hit
		kinds := map[string]string{}
		prefix := yearPrefix(q.Year)
		c := tx.Bucket(bucketContribByYear).Cursor()
		for k, v := c.Seek(prefix); k != nil && len(k) == len(prefix)+8 && bytes.Equal(k[:2], prefix); k, v = c.Next() {
			id := btoi(k[2:])
			rc, err := decodePointsRecord(id, v, kinds)
			if err != nil {
				return err
			}
			if (q.Status != "" && string(rc.Status) != q.Status) || (q.MemberID != 0 && rc.MemberID != q.MemberID) ||
				(q.Kind != "" && rc.Kind != q.Kind) {
				continue
			}
			if len(terms) > 0 && !containsAll(textOf(rc.MemberID), terms) {
				full, _, err := getContribution(all, k[2:])
				if err != nil {
					return err
				}
				text := append(slices.Clip(textOf(rc.MemberID)), "\x1f"+strings.ToLower(full.Title)...)
				if !containsAll(text, terms) {
					continue
				}
			}
			hits = append(hits, hit{id, rc.MemberID, rc.Date})
		}
		slices.SortFunc(hits, func(a, b hit) int {
			return cmp.Or(cmp.Compare(dayNumber(b.date), dayNumber(a.date)), cmp.Compare(b.id, a.id))
		})
		page.Total = len(hits)
		members := tx.Bucket(bucketMembers)
		for i := q.Offset; i < len(hits) && i < q.Offset+q.Limit; i++ {
			var row app.ContributionRow
			var err error
			if row.Contribution, _, err = getContribution(all, itob(hits[i].id)); err != nil {
				return err
			}
			var m app.Member
			if _, err := get(members, itob(hits[i].memberID), &m); err != nil {
				return err
			}
			row.MemberName, row.MemberPhone = m.Name, m.Phone
			page.Items = append(page.Items, row)
		}
		return nil
	})
	return page, err
}

// dayNumber orders dates: 2026-03-05 is 20260305.
func dayNumber(d rules.Date) int { return d.Year*10000 + int(d.Month)*100 + d.Day }

func containsAll(text []byte, terms []string) bool {
	for _, t := range terms {
		if !bytes.Contains(text, []byte(t)) {
			return false
		}
	}
	return true
}

// loadContributions appends the contributions ids name to out.
func loadContributions(tx *bolt.Tx, ids []uint64, out []app.Contribution) ([]app.Contribution, error) {
	for _, id := range ids {
		c, err := loadContribution(tx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

func loadContribution(tx *bolt.Tx, id uint64) (app.Contribution, error) {
	c, ok, err := getContribution(tx.Bucket(bucketContributions), itob(id))
	if err != nil {
		return c, err
	}
	if !ok {
		return c, app.Errorf(app.CodeNotFound, "contribution_not_found", "no contribution with id %d", id).
			WithParams("id", strconv.FormatUint(id, 10))
	}
	return c, nil
}

func yearPrefix(year int) []byte {
	b := make([]byte, 2)
	binary.BigEndian.PutUint16(b, uint16(year))
	return b
}

func indexContribution(tx *bolt.Tx, c app.Contribution) error {
	if err := addMemberContributions(tx, c.MemberID, c.ID); err != nil {
		return err
	}
	rec, err := pointsRecord(c)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bucketContribByYear).Put(append(yearPrefix(c.Year()), itob(c.ID)...), rec); err != nil {
		return err
	}
	return addMemberRef(tx, c.MemberID, 1)
}

func unindexContribution(tx *bolt.Tx, c app.Contribution) error {
	if err := removeMemberContribution(tx, c.MemberID, c.ID); err != nil {
		return err
	}
	if err := tx.Bucket(bucketContribByYear).Delete(append(yearPrefix(c.Year()), itob(c.ID)...)); err != nil {
		return err
	}
	return addMemberRef(tx, c.MemberID, -1)
}

// addMemberRef counts the records that refer to a member; the key goes away
// at zero, so HasHistory is a key lookup.
func addMemberRef(tx *bolt.Tx, memberID uint64, delta int64) error {
	refs := tx.Bucket(bucketMemberRefs)
	key := itob(memberID)
	var n int64
	if v := refs.Get(key); v != nil {
		n = int64(btoi(v))
	}
	n += delta
	if n <= 0 {
		return refs.Delete(key)
	}
	return refs.Put(key, itob(uint64(n)))
}
