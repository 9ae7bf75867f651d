package store

import (
	"bytes"
	"cmp"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

// Headquarters keeps, besides the ordinary buckets that merged records go
// into (so standings and lists cover every chapter):
//   - chapters: chapter ID → the chapter and the keys trusted for it;
//   - merged_ids: chapter \0 kind code, block → the local IDs of the
//     chapter's records of that kind in the block, so a second merge of the
//     same records finds them (see merged_ids.go);
//   - origins: kind code, local key \0 chapter → source ID, the chapters a
//     member or a keyed record (level, certificate) came from (a member
//     may have several: affiliations);
//   - chapter_records: chapter \0 file \0 key → a record kept as the
//     chapter sent it: batches, trophy orders and the chapter's audit,
//     whose keys are per chapter and would collide here, and each member
//     record as the chapter last sent it, which the next update from it
//     is compared with (file "members");
//     the audit is kept in chunks of lines (see auditChunkLines).
var (
	bucketChapters       = []byte("chapters")
	bucketMergedIDs      = []byte("merged_ids")
	bucketOrigins        = []byte("origins")
	bucketChapterRecords = []byte("chapter_records")
)

// merger is the store's side of one bundle's merge (app.MergeTx): the
// bbolt transaction, and where the chapter's records went. The policy is
// app/merge's; what is here is how records, their indexes and the links
// to their chapters are kept.
type merger struct {
	tx      *bolt.Tx
	chapter string
	// local maps this merge's placed records: kind → source ID → local ID.
	local map[string]*idMap
	// fresh lists the local IDs this merge allocated, by kind.
	fresh map[string]*idMap
	// byMember, byYear and refs are the new contributions' index entries
	// and the member references they add, written sorted once all are
	// known (see kindCodes on why order matters).
	byMember []memberIndexEntry
	byYear   []yearIndexEntry
	refs     map[uint64]int64
	// sent are the member records as the chapter sent them (keepSent).
	sent []archived
	// claimed are the new members' phones and emails, by index bucket.
	claimed map[string]map[string]uint64
	// moved lists the merged_ids blocks whose entries changed, by kind.
	moved map[string]map[uint64]bool
	// place, counts and step are the policy's, for the step running:
	// which records to place, what was done with each kind, and the
	// progress and cancellation to report each record to.
	place  map[string]map[uint64]bool
	counts map[string]*app.MergeCount
	step   func() error
}

// archived is a record kept in chapter_records, under its key in its file.
type archived struct {
	key  string
	data []byte
}

type memberIndexEntry struct{ member, contribution uint64 }

type yearIndexEntry struct {
	year         uint16
	contribution uint64
	record       []byte
}

// indexLater queues a new contribution's index entries; rec is its points
// record.
func (m *merger) indexLater(c app.Contribution, rec []byte) error {
	m.byMember = append(m.byMember, memberIndexEntry{c.MemberID, c.ID})
	m.byYear = append(m.byYear, yearIndexEntry{pointsRecordYear(rec), c.ID, rec})
	m.refs[c.MemberID]++
	return nil
}

// flushIndexes writes the queued index entries and references in key order.
func (m *merger) flushIndexes() error {
	slices.SortFunc(m.byMember, func(a, b memberIndexEntry) int {
		return cmp.Or(cmp.Compare(a.member, b.member), cmp.Compare(a.contribution, b.contribution))
	})
	slices.SortFunc(m.byYear, func(a, b yearIndexEntry) int {
		return cmp.Or(cmp.Compare(a.year, b.year), cmp.Compare(a.contribution, b.contribution))
	})
	for run := m.byMember; len(run) > 0; {
		n := 1
		for n < len(run) && run[n].member == run[0].member {
			n++
		}
		ids := make([]uint64, n)
		for i, e := range run[:n] {
			ids[i] = e.contribution
		}
		if err := addMemberContributions(m.tx, run[0].member, ids...); err != nil {
			return err
		}
		run = run[n:]
	}
	byYear := m.tx.Bucket(bucketContribByYear)
	// bbolt copies keys (not values): one buffer serves every key.
	var key [10]byte
	for _, e := range m.byYear {
		binary.BigEndian.PutUint16(key[:2], e.year)
		binary.BigEndian.PutUint64(key[2:10], e.contribution)
		if err := byYear.Put(key[:10], e.record); err != nil {
			return err
		}
	}
	for _, id := range slices.Sorted(maps.Keys(m.refs)) {
		if err := addMemberRef(m.tx, id, m.refs[id]); err != nil {
			return err
		}
	}
	m.byMember, m.byYear, m.refs = nil, nil, map[uint64]int64{}
	return nil
}

// Merge runs fn, the merge policy, over one write transaction in which
// headquarters merges a chapter's bundle: all of it or, on any error,
// none.
func (s *Store) Merge(chapter string, fn func(tx app.MergeTx) error) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		m := &merger{tx: tx, chapter: chapter, local: map[string]*idMap{}, fresh: map[string]*idMap{},
			refs: map[uint64]int64{}, claimed: map[string]map[string]uint64{}, moved: map[string]map[uint64]bool{}}
		fillAppendedBuckets(tx)
		if err := m.loadPlaced(); err != nil {
			return err
		}
		if err := fn(m); err != nil {
			return err
		}
		return m.flushPlaced()
	})
}

// OwnKey is this database's own chapter key, nil before it has one.
func (m *merger) OwnKey() (ed25519.PublicKey, error) {
	var own storedKey
	found, err := get(m.tx.Bucket(bucketKeys), keyChapter, &own)
	if err != nil || !found || len(own.Seed) != ed25519.SeedSize {
		return nil, err
	}
	return ed25519.NewKeyFromSeed(own.Seed).Public().(ed25519.PublicKey), nil
}

// OwnChapterCode is the code of the saved certificate setup, else the
// default's: the code this database's serials carry.
func (m *merger) OwnChapterCode() (string, error) {
	setup := app.DefaultCertificateSetup()
	_, err := get(m.tx.Bucket(bucketSettings), keyCertSetup, &setup)
	return setup.ChapterCode, err
}

// Chapter is what headquarters keeps of a chapter merged before.
func (m *merger) Chapter(id string) (app.MergedChapterRecord, bool, error) {
	var c app.MergedChapterRecord
	found, err := get(m.tx.Bucket(bucketChapters), []byte(id), &c)
	return c, found, err
}

func (m *merger) SaveChapter(c app.MergedChapterRecord) error {
	return put(m.tx.Bucket(bucketChapters), []byte(c.Chapter.ID), c)
}

// Audit records the merge in headquarters' audit trail.
func (m *merger) Audit(ch app.Change, merge map[string]any) error {
	return appendAudit(m.tx, ch, "merge", "bundle", 0, nil, merge)
}

// kindCodes order the kinds as a merge places them. merged_ids and origins
// keys start with them and end in big-endian IDs, so that a merge, going
// through each kind in ID order, mostly appends: bbolt keeps a
// transaction's inserts in sorted in-memory nodes until commit, and
// inserting into the middle of a large one is quadratic.
var kindCodes = map[string]byte{"member": 1, "group": 2, "event": 3, "contribution": 4, "decision": 5, "level": 6, "certificate": 7}

func originKey(kind string, local []byte, chapter string) []byte {
	k := append([]byte{kindCodes[kind]}, local...)
	return append(append(k, 0), chapter...)
}

// fillAppendedBuckets packs the pages of the buckets a merge fills in key
// order: bbolt splits a page at half by default, which for keys that only
// ever append leaves every page half empty and doubles what the commit
// writes. The setting lasts for the transaction.
func fillAppendedBuckets(tx *bolt.Tx) {
	for _, name := range [][]byte{bucketMergedIDs, bucketOrigins, bucketChapterRecords, bucketMembers, bucketMemberIndex,
		bucketContributions, bucketContribByMember, bucketContribByYear, bucketEvents, bucketDecisions} {
		tx.Bucket(name).FillPercent = 1
	}
}

// resolve is the local ID of a chapter's record, placed by this merge or
// an earlier one (see loadPlaced); 0 stays 0.
func (m *merger) resolve(kind string, src uint64) (uint64, bool) {
	if src == 0 {
		return 0, true
	}
	return m.local[kind].get(src)
}

// Placed is where the chapter's record went, in this merge or before.
func (m *merger) Placed(kind string, src uint64) (uint64, bool) { return m.resolve(kind, src) }

// bind records where a chapter's record went. Only members need to know
// their chapters (affiliations); the other kinds are found from the
// chapter's side, in merged_ids.
func (m *merger) bind(kind string, src, local uint64) error {
	if m.local[kind] == nil {
		m.local[kind] = newIDMap(0)
	}
	m.local[kind].set(src, local)
	m.movedBlock(kind, src)
	if kind != "member" {
		return nil
	}
	return m.tx.Bucket(bucketOrigins).Put(originKey(kind, itob(local), m.chapter), itob(src))
}

// affiliations lists the chapters a local record came from, with its
// source ID in each.
func (m *merger) affiliations(kind string, local []byte) map[string]uint64 {
	out := map[string]uint64{}
	prefix := append(append([]byte{kindCodes[kind]}, local...), 0)
	c := m.tx.Bucket(bucketOrigins).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		out[string(k[len(prefix):])] = btoi(v)
	}
	return out
}

// MemberChapters lists the chapters a member came from.
func (m *merger) MemberChapters(id uint64) (map[string]uint64, error) {
	return m.affiliations("member", itob(id)), nil
}

// allocate keeps the chapter's ID when it lies beyond every ID the bucket
// has handed out (so a first chapter merged into an empty database keeps
// its IDs), and takes the next one otherwise: an ID is never reused.
func allocate(b *bolt.Bucket, src uint64) (uint64, error) {
	if src > b.Sequence() {
		return src, b.SetSequence(src)
	}
	return b.NextSequence()
}

// contactBuckets index members by phone and by email.
var contactBuckets = map[string][]byte{"phone": bucketPhones, "email": bucketEmails}

// Holder is the member who has a phone or email: claimed by a new member
// of this merge (see AddMember) or in the index.
func (m *merger) Holder(field, val string) uint64 {
	bucket := contactBuckets[field]
	if val == "" || bucket == nil {
		return 0
	}
	if id, ok := m.claimed[string(bucket)][val]; ok {
		return id
	}
	if v := m.tx.Bucket(bucket).Get([]byte(val)); v != nil {
		return btoi(v)
	}
	return 0
}

// Member loads a member.
func (m *merger) Member(id uint64) (app.Member, error) { return loadMember(m.tx, id) }

// AddMember writes a new member and gives it its phone and email. They
// reach the index once all members are placed (FlushMembers), in key
// order: phone numbers and addresses come in no order, and bbolt
// inserting each into the middle of what the transaction already added is
// quadratic.
func (m *merger) AddMember(src uint64, mem app.Member) (uint64, error) {
	id, err := allocate(m.tx.Bucket(bucketMembers), src)
	if err != nil {
		return 0, err
	}
	mem.ID = id
	for _, ct := range []struct {
		bucket []byte
		val    string
	}{{bucketPhones, mem.Phone}, {bucketEmails, mem.Email}} {
		if ct.val == "" {
			continue
		}
		if m.claimed[string(ct.bucket)] == nil {
			m.claimed[string(ct.bucket)] = map[string]uint64{}
		}
		m.claimed[string(ct.bucket)][ct.val] = mem.ID
	}
	if err := writeMember(m.tx, mem); err != nil {
		return 0, err
	}
	return id, m.bind("member", src, id)
}

// LinkMember records that the chapter's member src is member id here.
func (m *merger) LinkMember(src, id uint64) error { return m.bind("member", src, id) }

// WriteMember replaces old with next and moves its contacts.
func (m *merger) WriteMember(old, next app.Member) error {
	if err := claimContacts(m.tx, &old, &next); err != nil {
		return err
	}
	return writeMember(m.tx, next)
}

// FlushMembers writes the new members' phones and emails to the index.
func (m *merger) FlushMembers() error {
	for _, bucket := range [][]byte{bucketPhones, bucketEmails} {
		claims := m.claimed[string(bucket)]
		b := m.tx.Bucket(bucket)
		for _, val := range slices.Sorted(maps.Keys(claims)) {
			if err := b.Put([]byte(val), itob(claims[val])); err != nil {
				return err
			}
		}
	}
	m.claimed = map[string]map[string]uint64{}
	return nil
}

func sentMemberKey(chapter string, src uint64) []byte {
	return append([]byte(chapter+"\x00members\x00"), itob(src)...)
}

// KeepSent keeps the member record as the chapter sent it (data, encoded
// with the chapter's ID). Archive writes it with the chapter's other
// records, in key order.
func (m *merger) KeepSent(src uint64, data []byte) {
	m.sent = append(m.sent, archived{string(itob(src)), data})
}

// OwnAudit lists the audit lines of member id this database wrote itself.
// Lines are copied: they outlive the transaction's pages.
func (m *merger) OwnAudit(id uint64) ([][]byte, error) {
	prefix := auditIndexKey("member", id, 0)
	audit := m.tx.Bucket(bucketAudit)
	var out [][]byte
	c := m.tx.Bucket(bucketAuditIndex).Cursor()
	for k, _ := c.Seek(prefix); k != nil && len(k) == len(prefix)+8 && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if v := audit.Get(k[len(prefix):]); v != nil {
			out = append(out, bytes.Clone(v))
		}
	}
	return out, nil
}

// SentMember is the record of src that chapter sent last.
func (m *merger) SentMember(chapter string, src uint64) (app.SentMember, bool, error) {
	var sent app.SentMember
	found, err := get(m.tx.Bucket(bucketChapterRecords), sentMemberKey(chapter, src), &sent)
	return sent, found, err
}

// linkedKind merges one kind of record with a uint64 ID whose references
// must all be placed for it to be placed.
type linkedKind[T any] struct {
	kind   string
	bucket []byte
	// recs are the bundle's own: sortByID sorts a copy and write remaps
	// copies, so the bundle is not reordered.
	recs []T
	id   func(*T) *uint64
	// remap rewrites v's references to local IDs: v is a copy of the
	// bundle's record, but the lists in it are the bundle's.
	remap func(m *merger, v *T)
	// reindex moves index entries and member references from old (nil for
	// a new record) to v; derived is what derive made of v.
	reindex func(tx *bolt.Tx, old, v *T, derived []byte) error
	// encode and decode are how the bucket keeps a record: JSON when nil.
	encode func(v *T) ([]byte, error)
	decode func(data []byte) (T, error)
	// derive, when set, makes what reindex needs of a record besides the
	// record itself; it runs with encode, on every core.
	derive func(v *T) ([]byte, error)
}

// sortByID puts the records in ID order, in a new slice when they are
// not. The IDs are read once: a comparison calling k.id on copies of two
// records moved both to the heap.
func (k *linkedKind[T]) sortByID() {
	ids := make([]uint64, len(k.recs))
	for i := range k.recs {
		ids[i] = *k.id(&k.recs[i])
	}
	if slices.IsSorted(ids) {
		return
	}
	order := make([]int, len(ids))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(ids[a], ids[b]) })
	sorted := make([]T, len(k.recs))
	for i, j := range order {
		sorted[i] = k.recs[j]
	}
	k.recs = sorted
}

func (k *linkedKind[T]) allocate(m *merger) error {
	k.sortByID()
	b := m.tx.Bucket(k.bucket)
	fresh := newIDMap(len(k.recs))
	if m.local[k.kind] == nil {
		m.local[k.kind] = newIDMap(len(k.recs))
	}
	m.fresh[k.kind] = fresh
	place := m.place[k.kind]
	for i := range k.recs {
		src := *k.id(&k.recs[i])
		if !place[src] {
			continue
		}
		if _, ok := m.resolve(k.kind, src); ok {
			continue
		}
		local, err := allocate(b, src)
		if err != nil {
			return err
		}
		if err := m.bind(k.kind, src, local); err != nil {
			return err
		}
		fresh.set(local, 1)
	}
	return nil
}

// encoded is a record remapped to local IDs and encoded for its bucket,
// with what linkedKind.derive made of it.
type encoded[T any] struct {
	local         uint64
	data, derived []byte
	rec           T
}

func (k *linkedKind[T]) write(m *merger) error {
	// Remapping and encoding read only the merge's maps: they run on every
	// core before the writes, which bbolt takes one at a time.
	out := make([]encoded[T], len(k.recs))
	err := app.InParallel(len(k.recs), func(i int) error {
		src := *k.id(&k.recs[i])
		local, ok := m.resolve(k.kind, src)
		if !ok || !m.place[k.kind][src] {
			return nil
		}
		// Remapped in place in out: a copy in a local escaped to the heap.
		e := &out[i]
		e.local, e.rec = local, k.recs[i]
		*k.id(&e.rec) = local
		k.remap(m, &e.rec)
		encode := k.encode
		if encode == nil {
			encode = func(v *T) ([]byte, error) { return json.Marshal(v) }
		}
		var err error
		if e.data, err = encode(&e.rec); err != nil || k.derive == nil {
			return err
		}
		e.derived, err = k.derive(&e.rec)
		return err
	})
	if err != nil {
		return err
	}
	b := m.tx.Bucket(k.bucket)
	count := m.counts[k.kind]
	for i := range out {
		if err := m.step(); err != nil {
			return err
		}
		e := &out[i]
		if e.data == nil {
			count.HeldBack++
			continue
		}
		var old *T
		var raw []byte
		// A record given a new ID by this merge cannot be here yet.
		if !m.fresh[k.kind].contains(e.local) {
			raw = b.Get(itob(e.local))
		}
		if raw != nil {
			if bytes.Equal(raw, e.data) {
				count.Unchanged++
				continue
			}
			decode := k.decode
			if decode == nil {
				decode = fromJSON[T]
			}
			v, err := decode(raw)
			if err != nil {
				return err
			}
			old = &v
			count.Updated++
		} else {
			count.Added++
		}
		if err := k.reindex(m.tx, old, &e.rec, e.derived); err != nil {
			return err
		}
		if err := b.Put(itob(e.local), e.data); err != nil {
			return err
		}
	}
	return nil
}

func (m *merger) member(src uint64) uint64 { id, _ := m.resolve("member", src); return id }

// PlaceLinked places the groups, events, contributions and decisions the
// policy decided to place: first their IDs, then the records.
func (m *merger) PlaceLinked(d *app.BundleData, place map[string]map[uint64]bool, counts map[string]*app.MergeCount, step func() error) error {
	m.place, m.counts, m.step = place, counts, step
	groups := &linkedKind[app.Group]{kind: "group", bucket: bucketGroups, recs: d.Groups,
		id: func(g *app.Group) *uint64 { return &g.ID },
		remap: func(m *merger, g *app.Group) {
			g.Terms = slices.Clone(g.Terms)
			for i := range g.Terms {
				g.Terms[i].LeadID = m.member(g.Terms[i].LeadID)
			}
		},
		reindex: func(tx *bolt.Tx, old, g *app.Group, _ []byte) error {
			var before []uint64
			if old != nil {
				before = leadIDs(*old)
			}
			return swapRefs(tx, before, leadIDs(*g))
		}}
	events := &linkedKind[app.Event]{kind: "event", bucket: bucketEvents, recs: d.Events,
		id: func(e *app.Event) *uint64 { return &e.ID },
		remap: func(m *merger, e *app.Event) {
			e.GroupID, _ = m.resolve("group", e.GroupID)
			e.OrganizerID = m.member(e.OrganizerID)
			e.OrganizerContributionID, _ = m.resolve("contribution", e.OrganizerContributionID)
			e.Talks = slices.Clone(e.Talks)
			for i := range e.Talks {
				e.Talks[i].MemberID = m.member(e.Talks[i].MemberID)
				e.Talks[i].ContributionID, _ = m.resolve("contribution", e.Talks[i].ContributionID)
			}
		},
		reindex: func(tx *bolt.Tx, old, e *app.Event, _ []byte) error {
			var before []uint64
			if old != nil {
				before = people(*old)
			}
			return swapRefs(tx, before, people(*e))
		}}
	contributions := &linkedKind[app.Contribution]{kind: "contribution", bucket: bucketContributions, recs: d.Contributions,
		id: func(c *app.Contribution) *uint64 { return &c.ID },
		remap: func(m *merger, c *app.Contribution) {
			c.MemberID = m.member(c.MemberID)
			c.EventID, _ = m.resolve("event", c.EventID)
		},
		reindex: func(tx *bolt.Tx, old, c *app.Contribution, rec []byte) error {
			if old != nil {
				if err := unindexContribution(tx, *old); err != nil {
					return err
				}
			}
			return m.indexLater(*c, rec)
		},
		encode: encodeContribution, decode: decodeContribution,
		derive: func(c *app.Contribution) ([]byte, error) { return pointsRecord(*c) }}
	decisions := &linkedKind[app.Decision]{kind: "decision", bucket: bucketDecisions, recs: d.Decisions,
		id: func(x *app.Decision) *uint64 { return &x.ID },
		remap: func(m *merger, x *app.Decision) {
			x.MemberID = m.member(x.MemberID)
			x.GroupID, _ = m.resolve("group", x.GroupID)
		},
		reindex: func(tx *bolt.Tx, old, x *app.Decision, _ []byte) error {
			var before []uint64
			if old != nil {
				before = []uint64{old.MemberID}
			}
			return swapRefs(tx, before, []uint64{x.MemberID})
		}}
	for _, step := range []func(*merger) error{groups.allocate, events.allocate, contributions.allocate, decisions.allocate,
		groups.write, events.write, contributions.write, decisions.write} {
		if err := step(m); err != nil {
			return err
		}
	}
	return m.flushIndexes()
}

// keyed reads a record the chapter sent under its key here (a member's
// holding, a certificate's serial), and whether it came from this chapter.
func keyed[T any](m *merger, b *bolt.Bucket, kind string, key []byte) (T, bool, bool, error) {
	var old T
	found, err := get(b, key, &old)
	if err != nil || !found {
		return old, found, false, err
	}
	return old, true, m.tx.Bucket(bucketOrigins).Get(originKey(kind, key, m.chapter)) != nil, nil
}

// putKeyed writes the chapter's record and remembers its own key.
func putKeyed(m *merger, b *bolt.Bucket, kind string, key, origin []byte, rec any) error {
	if err := put(b, key, rec); err != nil {
		return err
	}
	return m.tx.Bucket(bucketOrigins).Put(originKey(kind, key, m.chapter), origin)
}

func chapterHoldingKey(chapter string, src uint64, year int) []byte {
	return binary.BigEndian.AppendUint16(append([]byte(chapter+"\x00levels\x00"), itob(src)...), uint16(year))
}

// KeepHolding keeps the chapter's holding as sent, for its member
// h.MemberID.
func (m *merger) KeepHolding(h app.Holding) error {
	return put(m.tx.Bucket(bucketChapterRecords), chapterHoldingKey(m.chapter, h.MemberID, h.Year), h)
}

// ChapterHolding is the holding chapter last sent for its member src.
func (m *merger) ChapterHolding(chapter string, src uint64, year int) (app.Holding, bool, error) {
	var h app.Holding
	found, err := get(m.tx.Bucket(bucketChapterRecords), chapterHoldingKey(chapter, src, year), &h)
	return h, found, err
}

// Holding is a member's holding of year.
func (m *merger) Holding(member uint64, year int) (app.Holding, bool, error) {
	var h app.Holding
	found, err := get(m.tx.Bucket(bucketLedger), ledgerKey(year, member), &h)
	return h, found, err
}

// PutHolding writes a holding as the policy made it.
func (m *merger) PutHolding(h app.Holding) error {
	return put(m.tx.Bucket(bucketLedger), ledgerKey(h.Year, h.MemberID), h)
}

// Certificate is the certificate with serial, and whether this chapter
// sent it.
func (m *merger) Certificate(serial string) (app.Certificate, bool, bool, error) {
	return keyed[app.Certificate](m, m.tx.Bucket(bucketCertificates), "certificate", []byte(serial))
}

// PutCertificate writes the chapter's certificate.
func (m *merger) PutCertificate(c app.Certificate) error {
	return putKeyed(m, m.tx.Bucket(bucketCertificates), "certificate", []byte(c.Serial), []byte(c.Serial), c)
}

// Archive keeps the chapter's batches, trophy orders and audit as sent:
// the audit lines byte for byte as the bundle carries them (they are only
// ever handed back), in chunks (see archiveAudit), batches and trophy
// orders as decoded; and the member records KeepSent collected. Files go
// in name order and records in key order, so that bbolt appends (see
// kindCodes).
func (m *merger) Archive(d *app.BundleData, counts map[string]*app.MergeCount, step func() error) error {
	m.counts, m.step = counts, step
	b := m.tx.Bucket(bucketChapterRecords)
	audit := make([]auditLine, len(d.Audit))
	for i, x := range d.Audit {
		audit[i] = auditLine{x.ID, x.Line}
	}
	slices.SortFunc(audit, func(a, b auditLine) int { return cmp.Compare(a.id, b.id) })
	if err := archiveAudit(b, m.chapter, audit, m.counts["audit"], m.step); err != nil {
		return err
	}
	groups := []struct {
		kind, file string
		recs       []archived
	}{{kind: "batch", file: "batches"}, {file: "members", recs: m.sent}, {kind: "trophy", file: "trophies"}}
	for _, x := range d.Batches {
		data, err := json.Marshal(x)
		if err != nil {
			return err
		}
		groups[0].recs = append(groups[0].recs, archived{x.ID, data})
	}
	for _, x := range d.Trophies {
		data, err := json.Marshal(x)
		if err != nil {
			return err
		}
		groups[2].recs = append(groups[2].recs, archived{x.BatchID + "/" + strconv.FormatUint(x.MemberID, 10), data})
	}
	for _, g := range groups {
		count := m.counts[g.kind]
		if count == nil {
			// Member records are counted as members.
			count = &app.MergeCount{}
		}
		slices.SortFunc(g.recs, func(a, b archived) int { return strings.Compare(a.key, b.key) })
		for _, r := range g.recs {
			if g.kind != "" {
				if err := m.step(); err != nil {
					return err
				}
			}
			key := []byte(m.chapter + "\x00" + g.file + "\x00" + r.key)
			old := b.Get(key)
			switch {
			case bytes.Equal(old, r.data):
				count.Unchanged++
				continue
			case old == nil:
				count.Added++
			default:
				count.Updated++
			}
			if err := b.Put(key, r.data); err != nil {
				return err
			}
		}
	}
	return nil
}

// DeleteRecord deletes one record placed from the chapter, with its
// index entries and references.
func (m *merger) DeleteRecord(entity string, src, local uint64) error {
	tx := m.tx
	if tx.Bucket(deletableBuckets[entity]).Get(itob(local)) == nil {
		// Gone already (deleted here): only the chapter's link remains.
		return tx.Bucket(bucketOrigins).Delete(originKey(entity, itob(local), m.chapter))
	}
	switch entity {
	case "contribution":
		old, err := loadContribution(tx, local)
		if err != nil {
			return err
		}
		if err := unindexContribution(tx, old); err != nil {
			return err
		}
	case "event":
		old, err := events.load(tx, local)
		if err != nil {
			return err
		}
		if err := swapRefs(tx, people(old), nil); err != nil {
			return err
		}
	case "group":
		old, err := groups.load(tx, local)
		if err != nil {
			return err
		}
		if err := swapRefs(tx, leadIDs(old), nil); err != nil {
			return err
		}
	case "member":
		old, err := loadMember(tx, local)
		if err != nil {
			return err
		}
		if err := releaseContacts(tx, old); err != nil {
			return err
		}
		if err := tx.Bucket(bucketMemberIndex).Delete(itob(local)); err != nil {
			return err
		}
		if err := m.UnlinkMember(local); err != nil {
			return err
		}
	}
	return tx.Bucket(deletableBuckets[entity]).Delete(itob(local))
}

// UnlinkMember forgets that member id came from this chapter.
func (m *merger) UnlinkMember(id uint64) error {
	return m.tx.Bucket(bucketOrigins).Delete(originKey("member", itob(id), m.chapter))
}

// MemberInUse: records here still name the member.
func (m *merger) MemberInUse(id uint64) (bool, error) {
	if m.tx.Bucket(bucketMemberRefs).Get(itob(id)) != nil {
		return true, nil
	}
	return holdsAnyYear(m.tx, id)
}

// Unplace forgets where the chapter's record went, and for a member the
// record the chapter sent.
func (m *merger) Unplace(entity string, src uint64) error {
	m.movedBlock(entity, src)
	m.local[entity].remove(src)
	if entity != "member" {
		return nil
	}
	records := m.tx.Bucket(bucketChapterRecords)
	// The member's holdings as the chapter sent them go with it.
	prefix := chapterHoldingKey(m.chapter, src, 0)
	prefix = prefix[:len(prefix)-2]
	var kept [][]byte
	c := records.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		kept = append(kept, bytes.Clone(k))
	}
	for _, k := range kept {
		if err := records.Delete(k); err != nil {
			return err
		}
	}
	return records.Delete(sentMemberKey(m.chapter, src))
}

// MergedChapters lists the chapters merged here, by ID.
func (s *Store) MergedChapters() ([]app.MergedChapter, error) {
	out := []app.MergedChapter{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketChapters).ForEach(func(_, v []byte) error {
			var c app.MergedChapterRecord
			if err := json.Unmarshal(v, &c); err != nil {
				return err
			}
			out = append(out, app.MergedChapter{Chapter: c.Chapter, PublicKey: c.PublicKey,
				Fingerprint: app.KeyFingerprint(c.PublicKey), FirstMerged: c.FirstMerged.UTC().Format(time.RFC3339)})
			return nil
		})
	})
	return out, err
}

// TrustedChapterKeys lists the keys trusted for each merged chapter, by
// chapter ID: the current key, then those it replaced, latest first.
func (s *Store) TrustedChapterKeys() ([]app.ChapterKeys, error) {
	out := []app.ChapterKeys{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketChapters).ForEach(func(_, v []byte) error {
			var c app.MergedChapterRecord
			if err := json.Unmarshal(v, &c); err != nil {
				return err
			}
			keys := app.ChapterKeys{Chapter: c.Chapter.ID}
			earlier := slices.Clone(c.EarlierKeys)
			slices.Reverse(earlier)
			for _, k := range append([]string{c.PublicKey}, earlier...) {
				pub, err := base64.StdEncoding.DecodeString(k)
				if err != nil || len(pub) != ed25519.PublicKeySize {
					return errors.New("damaged chapter key of " + c.Chapter.ID)
				}
				keys.Keys = append(keys.Keys, ed25519.PublicKey(pub))
			}
			out = append(out, keys)
			return nil
		})
	})
	return out, err
}

// CertificateChapter is the chapter a certificate was merged from (its
// origin); "" for one issued here or none.
func (s *Store) CertificateChapter(serial string) (string, error) {
	var chapter string
	err := s.db.View(func(tx *bolt.Tx) error {
		prefix := originKey("certificate", []byte(serial), "")
		if k, _ := tx.Bucket(bucketOrigins).Cursor().Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) {
			chapter = string(k[len(prefix):])
		}
		return nil
	})
	return chapter, err
}

// ChapterRecords returns the records of one file (batches, trophies,
// audit) a chapter sent, as sent, in key order.
func (s *Store) ChapterRecords(chapter, file string) ([]json.RawMessage, error) {
	out := []json.RawMessage{}
	err := s.db.View(func(tx *bolt.Tx) error {
		if file == "audit" {
			lines, err := chapterAudit(tx.Bucket(bucketChapterRecords), chapter)
			for _, l := range lines {
				out = append(out, json.RawMessage(slices.Clone(l.line)))
			}
			return err
		}
		prefix := []byte(chapter + "\x00" + file + "\x00")
		c := tx.Bucket(bucketChapterRecords).Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			out = append(out, json.RawMessage(slices.Clone(v)))
		}
		return nil
	})
	return out, err
}
