package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

// CreateMember stores a new member with the next ID.
func (s *Store) CreateMember(m app.Member, c app.Change) (app.Member, error) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		var err error
		m, err = createMember(tx, m, c)
		return err
	})
	return m, err
}

// CreateMembersAndContributions stores new members and then the
// contributions contribs (if any) makes for their new IDs, in one
// transaction: all or none.
func (s *Store) CreateMembersAndContributions(ms []app.Member, contribs func(ids []uint64) []app.Contribution, c app.Change) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		ids := make([]uint64, 0, len(ms))
		for _, m := range ms {
			m.Normalize()
			if err := m.Validate(); err != nil {
				return err
			}
			created, err := createMember(tx, m, c)
			if err != nil {
				return err
			}
			ids = append(ids, created.ID)
		}
		if contribs == nil {
			return nil
		}
		for _, ct := range contribs(ids) {
			if err := ct.Validate(); err != nil {
				return err
			}
			if _, err := createContribution(tx, ct, c); err != nil {
				return err
			}
		}
		return nil
	})
}

func createMember(tx *bolt.Tx, m app.Member, c app.Change) (app.Member, error) {
	members := tx.Bucket(bucketMembers)
	id, err := members.NextSequence()
	if err != nil {
		return m, err
	}
	m.ID, m.Version, m.CreatedAt, m.UpdatedAt = id, 1, c.At, c.At
	if err := claimContacts(tx, nil, &m); err != nil {
		return m, err
	}
	if err := writeMember(tx, m); err != nil {
		return m, err
	}
	return m, appendAudit(tx, c, app.ActionCreate, "member", id, nil, m)
}

// UpdateMember saves m if m.Version is still the stored version.
func (s *Store) UpdateMember(m app.Member, action string, c app.Change) (app.Member, error) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		var err error
		m, err = updateMember(tx, action, m, c)
		return err
	})
	return m, err
}

func updateMember(tx *bolt.Tx, action string, m app.Member, c app.Change) (app.Member, error) {
	old, err := loadMember(tx, m.ID)
	if err != nil {
		return m, err
	}
	if old.Version != m.Version {
		return m, staleMember(old)
	}
	m.Version, m.CreatedAt, m.UpdatedAt = old.Version+1, old.CreatedAt, c.At
	if err := claimContacts(tx, &old, &m); err != nil {
		return m, err
	}
	if err := writeMember(tx, m); err != nil {
		return m, err
	}
	return m, appendAudit(tx, c, action, "member", m.ID, old, m)
}

// DeleteMember removes a member and frees their phone and email.
func (s *Store) DeleteMember(id uint64, version int, c app.Change) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		old, err := loadMember(tx, id)
		if err != nil {
			return err
		}
		if old.Version != version {
			return staleMember(old)
		}
		if err := releaseContacts(tx, old); err != nil {
			return err
		}
		if err := tx.Bucket(bucketMembers).Delete(itob(id)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketMemberIndex).Delete(itob(id)); err != nil {
			return err
		}
		return appendAudit(tx, c, app.ActionDelete, "member", id, old, nil)
	})
}

// GetMember loads one member.
func (s *Store) GetMember(id uint64) (app.Member, error) {
	var m app.Member
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		m, err = loadMember(tx, id)
		return err
	})
	return m, err
}

// MemberSummaries loads who the members with these IDs are, in one
// transaction. A year's standings list thousands of members, so it decodes
// five fields instead of whole records, on every core: decoding is most of
// the time, and the values stay valid until the transaction ends.
func (s *Store) MemberSummaries(ids []uint64) (map[uint64]app.MemberSummary, error) {
	out := make(map[uint64]app.MemberSummary, len(ids))
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketMembers)
		found := make([]uint64, 0, len(ids))
		records := make([][]byte, 0, len(ids))
		for _, id := range ids {
			if v := b.Get(itob(id)); v != nil {
				found = append(found, id)
				records = append(records, v)
			}
		}
		summaries := make([]app.MemberSummary, len(records))
		workers := min(runtime.GOMAXPROCS(0), len(records)/1000+1)
		errs := make([]error, workers)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				for i := w; i < len(records) && errs[w] == nil; i += workers {
					errs[w] = json.Unmarshal(records[i], &summaries[i])
				}
			})
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			return err
		}
		for i, id := range found {
			out[id] = summaries[i]
		}
		return nil
	})
	return out, err
}

// CountMembers counts every member, archived included.
func (s *Store) CountMembers() (int, error) {
	var n int
	err := s.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketMembers).Stats().KeyN
		return nil
	})
	return n, err
}

// HasHistory reports whether other records refer to the member.
func (s *Store) HasHistory(id uint64) (bool, error) {
	var has bool
	err := s.db.View(func(tx *bolt.Tx) error {
		has = tx.Bucket(bucketMemberRefs).Get(itob(id)) != nil
		return nil
	})
	return has, err
}

func staleMember(cur app.Member) error {
	return app.Errorf(app.CodeConflict, "stale", "%s was changed by someone else (now version %d): reload and try again", cur.Name, cur.Version).
		WithParams("member", cur.Name, "version", strconv.Itoa(cur.Version))
}

func loadMember(tx *bolt.Tx, id uint64) (app.Member, error) {
	var m app.Member
	ok, err := get(tx.Bucket(bucketMembers), itob(id), &m)
	if err != nil {
		return m, err
	}
	if !ok {
		return m, app.Errorf(app.CodeNotFound, "member_not_found", "no member with id %d", id).WithParams("id", strconv.FormatUint(id, 10))
	}
	return m, nil
}

func writeMember(tx *bolt.Tx, m app.Member) error {
	if err := put(tx.Bucket(bucketMembers), itob(m.ID), m); err != nil {
		return err
	}
	return tx.Bucket(bucketMemberIndex).Put(itob(m.ID), searchRecord(m))
}

// claimContacts moves the phone and email index entries from old (nil for a
// new member) to m, refusing a phone or email another member holds.
func claimContacts(tx *bolt.Tx, old *app.Member, m *app.Member) error {
	type contact struct {
		bucket      []byte
		field       string
		oldVal, val string
	}
	oldPhone, oldEmail := "", ""
	if old != nil {
		oldPhone, oldEmail = old.Phone, old.Email
	}
	for _, ct := range []contact{{bucketPhones, "phone", oldPhone, m.Phone}, {bucketEmails, "email", oldEmail, m.Email}} {
		if ct.val == ct.oldVal {
			continue
		}
		idx := tx.Bucket(ct.bucket)
		if ct.val != "" {
			if holder := idx.Get([]byte(ct.val)); holder != nil && btoi(holder) != m.ID {
				other, err := loadMember(tx, btoi(holder))
				if err != nil {
					return err
				}
				return &app.Error{Code: app.CodeConflict, Reason: ct.field + "_taken",
					Message: ct.field + " " + ct.val + " is already used by " + other.Name,
					Fields:  map[string]string{ct.field: "taken"},
					Params:  map[string]string{"member": other.Name, "id": strconv.FormatUint(other.ID, 10)}}
			}
			if err := idx.Put([]byte(ct.val), itob(m.ID)); err != nil {
				return err
			}
		}
		if ct.oldVal != "" {
			if err := idx.Delete([]byte(ct.oldVal)); err != nil {
				return err
			}
		}
	}
	return nil
}

func releaseContacts(tx *bolt.Tx, m app.Member) error {
	if m.Phone != "" {
		if err := tx.Bucket(bucketPhones).Delete([]byte(m.Phone)); err != nil {
			return err
		}
	}
	if m.Email != "" {
		return tx.Bucket(bucketEmails).Delete([]byte(m.Email))
	}
	return nil
}

// A search record is: archived flag byte, sort key, 0x00, then the lower-cased
// searchable text. Searching scans these small values and decodes only the
// members on the requested page.
func searchRecord(m app.Member) []byte {
	var b bytes.Buffer
	if m.Archived {
		b.WriteByte(1)
	} else {
		b.WriteByte(0)
	}
	b.WriteString(sortKey(m))
	b.WriteByte(0)
	b.WriteString(strings.ToLower(strings.Join([]string{m.Name, m.NameLatin, strings.ReplaceAll(m.NameLatin, " ", ""),
		m.Phone, m.Email, m.Organization}, "\x1f")))
	return b.Bytes()
}

// splitSearchRecord returns the parts of a search record; a missing record
// (nil) has no text.
func splitSearchRecord(v []byte) (archived bool, key, text []byte) {
	if len(v) == 0 {
		return false, nil, nil
	}
	rest := v[1:]
	cut := bytes.IndexByte(rest, 0)
	return v[0] == 1, rest[:cut], rest[cut+1:]
}

// sortKey orders the roster by Latin name (pinyin order, as Chinese rosters
// are read), then by Chinese name, for members without one.
func sortKey(m app.Member) string {
	return strings.ToLower(m.NameLatin) + "\x01" + m.Name
}

// SearchMembers returns one page of matches in roster order.
func (s *Store) SearchMembers(q app.MemberQuery) (app.MemberPage, error) {
	type hit struct {
		id  uint64
		key string
	}
	terms := strings.Fields(strings.ToLower(q.Text))
	for i, t := range terms {
		terms[i] = app.NormalizePhone(t)
	}
	var page app.MemberPage
	err := s.db.View(func(tx *bolt.Tx) error {
		var hits []hit
		err := tx.Bucket(bucketMemberIndex).ForEach(func(k, v []byte) error {
			archived, key, text := splitSearchRecord(v)
			if archived != q.Archived || !containsAll(text, terms) {
				return nil
			}
			hits = append(hits, hit{btoi(k), string(key)})
			return nil
		})
		if err != nil {
			return err
		}
		slices.SortFunc(hits, func(a, b hit) int {
			if c := strings.Compare(a.key, b.key); c != 0 {
				return c
			}
			return int(a.id) - int(b.id)
		})
		page.Total = len(hits)
		page.Items = []app.Member{}
		for i := q.Offset; i < len(hits) && i < q.Offset+q.Limit; i++ {
			m, err := loadMember(tx, hits[i].id)
			if err != nil {
				return err
			}
			page.Items = append(page.Items, m)
		}
		return nil
	})
	return page, err
}
