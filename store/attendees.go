package store

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

// Attendees are keyed by event ID then member ID (8 bytes each), so an
// event's attendees are one cursor range.

func attendeeKey(eventID, memberID uint64) []byte { return append(itob(eventID), itob(memberID)...) }

// eachAttendee calls fn with every attendee record of an event, in member
// ID order; the value is valid during the transaction only.
func eachAttendee(tx *bolt.Tx, eventID uint64, fn func(memberID uint64, v []byte) error) error {
	prefix := itob(eventID)
	c := tx.Bucket(bucketAttendees).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if err := fn(btoi(k[8:]), v); err != nil {
			return err
		}
	}
	return nil
}

// Attendees lists an event's attendees in member ID order.
func (s *Store) Attendees(eventID uint64) ([]app.Attendee, error) {
	out := []app.Attendee{}
	err := s.db.View(func(tx *bolt.Tx) error {
		if _, err := events.load(tx, eventID); err != nil {
			return err
		}
		return eachAttendee(tx, eventID, func(_ uint64, v []byte) error {
			var a app.Attendee
			if err := json.Unmarshal(v, &a); err != nil {
				return err
			}
			out = append(out, a)
			return nil
		})
	})
	return out, err
}

// GetAttendee loads one attendee record.
func (s *Store) GetAttendee(eventID, memberID uint64) (app.Attendee, bool, error) {
	var a app.Attendee
	var ok bool
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		ok, err = get(tx.Bucket(bucketAttendees), attendeeKey(eventID, memberID), &a)
		return err
	})
	return a, ok, err
}

// SaveAttendee creates (Version 0) or updates an attendee record, refusing
// a version that is not the stored one.
//
// Many desks check people in at once, and each commit waits for the disk:
// Batch lets concurrent check-ins share one commit. It may run fn more
// than once, so fn starts from the caller's record every time.
func (s *Store) SaveAttendee(a app.Attendee, action string, ch app.Change) (app.Attendee, error) {
	var saved app.Attendee
	err := s.db.Batch(func(tx *bolt.Tx) error {
		var err error
		saved, err = saveAttendee(tx, a, action, ch)
		return err
	})
	return saved, err
}

func saveAttendee(tx *bolt.Tx, a app.Attendee, action string, ch app.Change) (app.Attendee, error) {
	if _, err := events.load(tx, a.EventID); err != nil {
		return a, err
	}
	if _, err := loadMember(tx, a.MemberID); err != nil {
		return a, err
	}
	b, key := tx.Bucket(bucketAttendees), attendeeKey(a.EventID, a.MemberID)
	var old app.Attendee
	found, err := get(b, key, &old)
	if err != nil {
		return a, err
	}
	if old.Version != a.Version || (!found && a.Version != 0) {
		return a, staleAttendee(a)
	}
	a.Version++
	if err := put(b, key, a); err != nil {
		return a, err
	}
	var before any
	if found {
		before = old
	} else if err := addMemberRef(tx, a.MemberID, 1); err != nil {
		return a, err
	}
	return a, appendAudit(tx, ch, action, app.AuditAttendance, a.EventID, before, a)
}

func staleAttendee(a app.Attendee) error {
	return app.Errorf(app.CodeConflict, "stale", "the attendee record of member %d at event %d was changed by someone else: reload and try again",
		a.MemberID, a.EventID).WithParams("id", strconv.FormatUint(a.MemberID, 10))
}

// DeleteAttendee removes a registration if version is the stored one.
func (s *Store) DeleteAttendee(eventID, memberID uint64, version int, ch app.Change) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		b, key := tx.Bucket(bucketAttendees), attendeeKey(eventID, memberID)
		var old app.Attendee
		found, err := get(b, key, &old)
		if err != nil {
			return err
		}
		if !found || old.Version != version {
			return staleAttendee(app.Attendee{EventID: eventID, MemberID: memberID})
		}
		return removeAttendee(tx, old, app.ActionUnregister, ch)
	})
}

func removeAttendee(tx *bolt.Tx, a app.Attendee, action string, ch app.Change) error {
	if err := tx.Bucket(bucketAttendees).Delete(attendeeKey(a.EventID, a.MemberID)); err != nil {
		return err
	}
	if err := addMemberRef(tx, a.MemberID, -1); err != nil {
		return err
	}
	return appendAudit(tx, ch, action, app.AuditAttendance, a.EventID, a, nil)
}

// WalkIn creates the member and their attendee record in one transaction.
func (s *Store) WalkIn(m app.Member, a app.Attendee, ch app.Change) (app.Member, app.Attendee, error) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		var err error
		if m, err = createMember(tx, m, ch); err != nil {
			return err
		}
		a.MemberID, a.Version = m.ID, 0
		a, err = saveAttendee(tx, a, app.ActionWalkIn, ch)
		return err
	})
	return m, a, err
}

// CheckInCandidates scans the roster's search records (small values) and
// decodes only the members it returns. Only the name, Latin name and phone
// are matched: the door has no business searching emails or employers.
func (s *Store) CheckInCandidates(eventID uint64, match func(name, latin, phone []byte) bool, limit int) ([]app.AttendeeCandidate, error) {
	type hit struct {
		id         uint64
		key        string
		registered bool
	}
	var out []app.AttendeeCandidate
	err := s.db.View(func(tx *bolt.Tx) error {
		// Looked up for the few matches only: a big event's attendees are
		// too many to gather on every keystroke.
		attendees := tx.Bucket(bucketAttendees)
		registered := func(id uint64) bool { return attendees.Get(attendeeKey(eventID, id)) != nil }
		var hits []hit
		sep := []byte{0x1f}
		err := tx.Bucket(bucketMemberIndex).ForEach(func(k, v []byte) error {
			archived, key, text := splitSearchRecord(v)
			id := btoi(k)
			if archived && !registered(id) {
				return nil
			}
			// The text is name, Latin name, Latin without spaces, phone, …
			name, rest, _ := bytes.Cut(text, sep)
			latin, rest, _ := bytes.Cut(rest, sep)
			_, rest, _ = bytes.Cut(rest, sep)
			phone, _, _ := bytes.Cut(rest, sep)
			if match(name, latin, phone) {
				hits = append(hits, hit{id, string(key), registered(id)})
			}
			return nil
		})
		if err != nil {
			return err
		}
		slices.SortFunc(hits, func(a, b hit) int {
			switch {
			case a.registered != b.registered && a.registered:
				return -1
			case a.registered != b.registered:
				return 1
			}
			return strings.Compare(a.key, b.key)
		})
		out = make([]app.AttendeeCandidate, 0, min(limit, len(hits)))
		for _, h := range hits[:min(limit, len(hits))] {
			m, err := loadMember(tx, h.id)
			if err != nil {
				return err
			}
			c := app.AttendeeCandidate{Member: m, Registered: h.registered}
			if h.registered {
				if _, err := get(tx.Bucket(bucketAttendees), attendeeKey(eventID, h.id), &c.Attendee); err != nil {
					return err
				}
			}
			out = append(out, c)
		}
		return nil
	})
	return out, err
}

var checkedInTrue = []byte(`"checked_in":true`)

// attendanceCounts counts an event's registrations and check-ins.
func attendanceCounts(tx *bolt.Tx, e *app.Event) error {
	e.Registered, e.CheckedIn = 0, 0
	return eachAttendee(tx, e.ID, func(_ uint64, v []byte) error {
		e.Registered++
		// Every read of an event counts its attendees, so this must not
		// decode each record: the store writes them with encoding/json,
		// which spells a true flag exactly so (see the test).
		if bytes.Contains(v, checkedInTrue) {
			e.CheckedIn++
		}
		return nil
	})
}
