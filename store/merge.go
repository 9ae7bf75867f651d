package store

import (
	"bytes"
	"cmp"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"maps"
	"reflect"
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

type chapterRecord struct {
	Chapter     app.BundleChapter `json:"chapter"`
	PublicKey   string            `json:"public_key"`
	FirstMerged time.Time         `json:"first_merged"`
	// EarlierKeys are the keys an operator-accepted new key replaced:
	// certificates the chapter signed with them stay genuine.
	EarlierKeys []string `json:"earlier_keys,omitempty"`
}

// mergeStep is how many records go by between progress reports and
// cancellation checks.
const mergeStep = 4096

type merger struct {
	tx       *bolt.Tx
	b        *app.Bundle
	chapter  string
	ctx      context.Context
	progress app.Progress
	done     int
	total    int
	res      *app.MergeResult
	counts   map[string]*app.MergeCount
	// local maps this merge's placed records: kind → source ID → local ID.
	local map[string]*idMap
	// ok lists the bundle's records that will be placed, by kind.
	ok map[string]*idMap
	// fresh lists the local IDs this merge allocated, by kind.
	fresh map[string]*idMap
	// chapterChanged: the chapter is new, renamed or has a new key.
	chapterChanged bool
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

// MergeBundle merges a verified bundle, or one whose audit is still being
// checked, in one transaction (see merger).
func (s *Store) MergeBundle(ctx context.Context, b *app.Bundle, acceptKey bool, progress app.Progress, ch app.Change) (app.MergeResult, error) {
	res := app.MergeResult{Bundle: b.Name, Chapter: b.Manifest.Chapter, Kind: b.Manifest.Kind,
		Fingerprint: app.Fingerprint(b.PublicKey), Conflicts: []app.MergeConflict{}}
	m := &merger{b: b, chapter: b.Manifest.Chapter.ID, ctx: ctx, progress: progress, res: &res,
		counts: map[string]*app.MergeCount{}, local: map[string]*idMap{}, ok: map[string]*idMap{},
		fresh: map[string]*idMap{},
		refs:  map[uint64]int64{}, claimed: map[string]map[string]uint64{}, moved: map[string]map[uint64]bool{},
		byMember: make([]memberIndexEntry, 0, len(b.Data.Contributions)), byYear: make([]yearIndexEntry, 0, len(b.Data.Contributions)),
		total: b.Records()}
	for _, k := range []string{"member", "group", "event", "contribution", "decision", "level", "certificate", "batch", "trophy", "audit"} {
		m.counts[k] = &app.MergeCount{Kind: k}
		res.Counts = append(res.Counts, app.MergeCount{Kind: k})
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		m.tx = tx
		fillAppendedBuckets(tx)
		// The bundle's audit may still be being checked (app.StartReadBundle):
		// it is waited for only before it is kept, and a refusal then
		// rolls back what the steps before wrote.
		steps := []func() error{func() error { return m.trustKey(acceptKey, ch) }, m.loadPlaced, m.members, m.linked, m.levels, m.certificates,
			b.Finish, m.archive, m.deletions, m.flushPlaced, m.cancelled}
		for _, step := range steps {
			if err := step(); err != nil {
				return err
			}
		}
		for i := range res.Counts {
			c := m.counts[res.Counts[i].Kind]
			res.Counts[i] = *c
			res.Changed = res.Changed || c.Added > 0 || c.Updated > 0 || c.Deleted > 0
		}
		res.Changed = res.Changed || m.chapterChanged || res.Linked > 0
		if !res.Changed {
			return nil
		}
		return appendAudit(tx, ch, "merge", "bundle", 0, nil, map[string]any{"bundle": res.Bundle, "chapter": res.Chapter,
			"kind": res.Kind, "fingerprint": res.Fingerprint, "counts": res.Counts, "linked": res.Linked, "conflicts": len(res.Conflicts),
			"new_chapter": res.NewChapter, "key_changed": res.KeyChanged})
	})
	if err != nil {
		return app.MergeResult{}, err
	}
	if progress != nil {
		progress(m.total, m.total)
	}
	return res, nil
}

// step counts a record, reports progress and stops a cancelled merge.
func (m *merger) step() error {
	m.done++
	if m.done%mergeStep != 0 {
		return nil
	}
	if m.progress != nil {
		m.progress(m.done, m.total)
	}
	return m.cancelled()
}

func (m *merger) cancelled() error {
	if m.ctx.Err() != nil {
		return app.Errorf(app.CodeConflict, "cancelled", "the merge was cancelled; nothing was changed")
	}
	return nil
}

// trustKey trusts a new chapter's key and refuses another key for a known
// chapter unless the operator accepted it; this database's own key is
// refused, as merging a chapter into itself would double it.
func (m *merger) trustKey(acceptKey bool, ch app.Change) error {
	man := m.b.Manifest
	var own storedKey
	if found, err := get(m.tx.Bucket(bucketKeys), keyChapter, &own); err != nil {
		return err
	} else if found && len(own.Seed) == ed25519.SeedSize && ed25519.NewKeyFromSeed(own.Seed).Public().(ed25519.PublicKey).Equal(m.b.PublicKey) {
		return app.Errorf(app.CodeInvalid, "bundle_own_chapter", "%s is this database's own bundle", m.b.Name).WithParams("bundle", m.b.Name)
	}
	chapters := m.tx.Bucket(bucketChapters)
	var known chapterRecord
	found, err := get(chapters, []byte(m.chapter), &known)
	if err != nil {
		return err
	}
	next := chapterRecord{Chapter: man.Chapter, PublicKey: man.PublicKey, FirstMerged: ch.At}
	if found {
		next.FirstMerged, next.EarlierKeys = known.FirstMerged, known.EarlierKeys
	}
	switch {
	case !found:
		m.res.NewChapter = true
	case known.PublicKey != man.PublicKey && !acceptKey:
		return app.Errorf(app.CodeConflict, "bundle_key_changed", "%s: chapter %s signed with key %s, but its key here is %s: confirm the new key with the chapter before accepting it",
			m.b.Name, m.chapter, m.res.Fingerprint, app.KeyFingerprint(known.PublicKey)).
			WithParams("bundle", m.b.Name, "chapter", m.chapter, "new", m.res.Fingerprint, "old", app.KeyFingerprint(known.PublicKey))
	case known.PublicKey != man.PublicKey:
		m.res.KeyChanged = true
		next.EarlierKeys = append(slices.DeleteFunc(slices.Clone(known.EarlierKeys), func(k string) bool { return k == man.PublicKey }), known.PublicKey)
	case known.Chapter == man.Chapter:
		return nil
	}
	m.chapterChanged = true
	return put(chapters, []byte(m.chapter), next)
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

// placeable: the record is here already or this merge will place it.
func (m *merger) placeable(kind string, src uint64) bool {
	if _, ok := m.resolve(kind, src); ok {
		return true
	}
	return m.ok[kind].contains(src)
}

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

// affiliations counts the chapters a local record came from.
func (m *merger) affiliations(kind string, local []byte) (n int, ours bool) {
	prefix := append(append([]byte{kindCodes[kind]}, local...), 0)
	c := m.tx.Bucket(bucketOrigins).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		n++
		ours = ours || string(k[len(prefix):]) == m.chapter
	}
	return n, ours
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

func (m *merger) conflict(kind string, src, reason, field, incoming, existing string, existingID uint64) {
	m.res.Conflicts = append(m.res.Conflicts, app.MergeConflict{Bundle: m.b.Name, Chapter: m.chapter, Kind: kind,
		SourceID: src, Reason: reason, Field: field, Incoming: incoming, Existing: existing, ExistingID: strconv.FormatUint(existingID, 10)})
	m.counts[kind].HeldBack++
}

// holder is the member who has a phone or email: claimed by a new member
// of this merge (see claimNew) or in the index.
func (m *merger) holder(bucket []byte, val string) uint64 {
	if val == "" {
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

// claimNew gives a new member's phone and email (free: see holder) to it.
// They reach the index once all members are placed, in key order: phone
// numbers and addresses come in no order, and bbolt inserting each into
// the middle of what the transaction already added is quadratic.
func (m *merger) claimNew(mem app.Member) {
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
}

func (m *merger) flushClaims() error {
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

// members places each member: one merged before is updated if only this
// chapter has it; one whose phone or email is here already, under the same
// name, is the same person and gains this chapter; under another name it
// is a conflict, and the member and what names them are held back.
func (m *merger) members() error {
	in := slices.Clone(m.b.Data.Members)
	slices.SortFunc(in, func(a, b app.Member) int { return cmpID(a.ID, b.ID) })
	// Each member placed is kept as sent (keepSent): the records are
	// encoded on every core before the members are placed one by one.
	sent := make([][]byte, len(in))
	err := app.InParallel(len(in), func(i int) error {
		var err error
		sent[i], err = json.Marshal(in[i])
		return err
	})
	if err != nil {
		return err
	}
	for i, mem := range in {
		if err := m.step(); err != nil {
			return err
		}
		src := mem.ID
		if local, ok := m.resolve("member", src); ok {
			if err := m.updateMember(local, mem, sent[i]); err != nil {
				return err
			}
			continue
		}
		p, e := m.holder(bucketPhones, mem.Phone), m.holder(bucketEmails, mem.Email)
		srcID := strconv.FormatUint(src, 10)
		if p != 0 && e != 0 && p != e {
			m.conflict("member", srcID, app.ConflictContactsSplit, "phone/email", mem.Phone+" / "+mem.Email, strconv.FormatUint(p, 10)+" / "+strconv.FormatUint(e, 10), p)
			continue
		}
		holder, field := p, "phone"
		if holder == 0 {
			holder, field = e, "email"
		}
		if holder != 0 {
			existing, err := loadMember(m.tx, holder)
			if err != nil {
				return err
			}
			if _, ours := m.affiliations("member", itob(holder)); ours {
				m.conflict("member", srcID, app.ConflictContactTaken, field, mem.Name, existing.Name, holder)
				continue
			}
			if strings.TrimSpace(existing.Name) != strings.TrimSpace(mem.Name) {
				m.conflict("member", srcID, app.ConflictNameDiffers, field, mem.Name, existing.Name, holder)
				continue
			}
			if err := m.bind("member", src, holder); err != nil {
				return err
			}
			m.keepSent(src, sent[i])
			m.res.Linked++
			continue
		}
		id, err := allocate(m.tx.Bucket(bucketMembers), src)
		if err != nil {
			return err
		}
		mem.ID = id
		m.claimNew(mem)
		if err := writeMember(m.tx, mem); err != nil {
			return err
		}
		if err := m.bind("member", src, id); err != nil {
			return err
		}
		m.keepSent(src, sent[i])
		m.counts["member"].Added++
	}
	return m.flushClaims()
}

// updateMember applies a chapter's newer record. A member only this
// chapter has takes the record whole. A member of several chapters takes,
// field by field, what this chapter changed since the record it sent
// before (kept by keepSent): the chapter that changed a field last wins,
// and fields it did not touch keep what other chapters (or the record
// first merged) gave them. Archived is the exception: the person stays
// active while any of their chapters has them active. A phone or email
// another member holds is a conflict, and nothing of the update applies.
func (m *merger) updateMember(local uint64, in app.Member, sentData []byte) error {
	existing, err := loadMember(m.tx, local)
	if err != nil {
		return err
	}
	src := in.ID
	srcID := strconv.FormatUint(src, 10)
	next := in
	next.ID = local
	if n, _ := m.affiliations("member", itob(local)); n > 1 {
		sent, found, err := m.sentMember(m.chapter, src)
		if err != nil {
			return err
		}
		if !found {
			// Merged before this database kept what chapters sent: from
			// now on this record is what the chapter sent.
			sent = in
		}
		if next, err = m.mergeMemberFields(existing, sent, in); err != nil {
			return err
		}
	}
	if sameJSON(existing, next) {
		m.counts["member"].Unchanged++
		m.keepSent(src, sentData)
		return nil
	}
	for _, ct := range []struct {
		bucket       []byte
		field, value string
	}{{bucketPhones, "phone", next.Phone}, {bucketEmails, "email", next.Email}} {
		if h := m.holder(ct.bucket, ct.value); h != 0 && h != local {
			other, err := loadMember(m.tx, h)
			if err != nil {
				return err
			}
			m.conflict("member", srcID, app.ConflictContactTaken, ct.field, in.Name+" "+ct.value, other.Name, h)
			return nil
		}
	}
	if err := claimContacts(m.tx, &existing, &next); err != nil {
		return err
	}
	if err := writeMember(m.tx, next); err != nil {
		return err
	}
	m.counts["member"].Updated++
	m.keepSent(src, sentData)
	return nil
}

// memberOwnFields are the Member fields that say how headquarters keeps
// the record rather than what a chapter knows of the person.
var memberOwnFields = map[string]bool{"ID": true, "Version": true, "CreatedAt": true, "UpdatedAt": true, "Archived": true}

// mergeMemberFields is existing with the fields the chapter changed from
// sent to in, a new version if any changed, and archived only if every
// chapter of the member has them archived.
func (m *merger) mergeMemberFields(existing, sent, in app.Member) (app.Member, error) {
	next := existing
	nv, sv, iv := reflect.ValueOf(&next).Elem(), reflect.ValueOf(sent), reflect.ValueOf(in)
	for i := range nv.NumField() {
		if memberOwnFields[nv.Type().Field(i).Name] || reflect.DeepEqual(sv.Field(i).Interface(), iv.Field(i).Interface()) {
			continue
		}
		nv.Field(i).Set(iv.Field(i))
	}
	archived, err := m.archivedEverywhere(existing.ID, in.Archived)
	if err != nil {
		return next, err
	}
	next.Archived = archived
	if !sameJSON(existing, next) {
		next.Version = existing.Version + 1
		if in.UpdatedAt.After(existing.UpdatedAt) {
			next.UpdatedAt = in.UpdatedAt
		}
	}
	return next, nil
}

// archivedEverywhere: this chapter says archived, and so does the last
// record every other chapter of the member sent (one that never sent one
// here counts as the member as it is).
func (m *merger) archivedEverywhere(local uint64, here bool) (bool, error) {
	if !here {
		return false, nil
	}
	prefix := append(append([]byte{kindCodes["member"]}, itob(local)...), 0)
	c := m.tx.Bucket(bucketOrigins).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		chapter := string(k[len(prefix):])
		if chapter == m.chapter {
			continue
		}
		sent, found, err := m.sentMember(chapter, btoi(v))
		if err != nil {
			return false, err
		}
		if !found {
			existing, err := loadMember(m.tx, local)
			if err != nil {
				return false, err
			}
			sent = existing
		}
		if !sent.Archived {
			return false, nil
		}
	}
	return true, nil
}

func sentMemberKey(chapter string, src uint64) []byte {
	return append([]byte(chapter+"\x00members\x00"), itob(src)...)
}

// keepSent keeps the member record as the chapter sent it (data, encoded
// with the chapter's ID): the next update from the chapter is compared
// with it. archive writes it with the chapter's other records, in key
// order.
func (m *merger) keepSent(src uint64, data []byte) {
	m.sent = append(m.sent, archived{string(itob(src)), data})
}

func (m *merger) sentMember(chapter string, src uint64) (app.Member, bool, error) {
	var sent app.Member
	found, err := get(m.tx.Bucket(bucketChapterRecords), sentMemberKey(chapter, src), &sent)
	return sent, found, err
}

func sameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

func cmpID(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
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
	// refsOK reports whether every record v names is placed or placeable.
	refsOK func(m *merger, v *T) bool
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

func (k *linkedKind[T]) decide(m *merger) {
	ok := newIDMap(len(k.recs))
	m.ok[k.kind] = ok
	for i := range k.recs {
		if k.refsOK(m, &k.recs[i]) {
			ok.set(*k.id(&k.recs[i]), 1)
		}
	}
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
	ok := m.ok[k.kind]
	for i := range k.recs {
		src := *k.id(&k.recs[i])
		if !ok.contains(src) {
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
		if !ok || !m.ok[k.kind].contains(src) {
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

// linked merges groups, events, contributions and decisions: first which
// can be placed (events and contributions name each other, so both are
// decided before any is written), then their IDs, then the records.
func (m *merger) linked() error {
	d := &m.b.Data
	members := func(ids ...uint64) bool {
		for _, id := range ids {
			if !m.placeable("member", id) {
				return false
			}
		}
		return true
	}
	// A contribution named by an event is placeable when its member is.
	inBundle := newIDMap(len(d.Contributions))
	for _, c := range d.Contributions {
		inBundle.set(c.ID, c.MemberID)
	}
	contribution := func(id uint64) bool {
		if m.placeable("contribution", id) {
			return true
		}
		memberID, ok := inBundle.get(id)
		return ok && members(memberID)
	}
	groups := &linkedKind[app.Group]{kind: "group", bucket: bucketGroups, recs: d.Groups,
		id:     func(g *app.Group) *uint64 { return &g.ID },
		refsOK: func(m *merger, g *app.Group) bool { return members(leadIDs(*g)...) },
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
		refsOK: func(m *merger, e *app.Event) bool {
			if !members(people(*e)...) || !m.placeable("group", e.GroupID) || !contribution(e.OrganizerContributionID) {
				return false
			}
			for _, t := range e.Talks {
				if !contribution(t.ContributionID) {
					return false
				}
			}
			return true
		},
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
		refsOK: func(m *merger, c *app.Contribution) bool {
			return members(c.MemberID) && m.placeable("event", c.EventID)
		},
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
		refsOK: func(m *merger, x *app.Decision) bool {
			return members(x.MemberID) && m.placeable("group", x.GroupID)
		},
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
	groups.decide(m)
	events.decide(m)
	contributions.decide(m)
	// An event is placed only with the contributions it names.
	for _, e := range events.recs {
		if !m.ok["event"].contains(e.ID) {
			continue
		}
		for _, id := range append([]uint64{e.OrganizerContributionID}, talkContributions(e)...) {
			if inBundle.contains(id) && !m.ok["contribution"].contains(id) {
				m.ok["event"].remove(e.ID)
			}
		}
	}
	contributions.decide(m)
	decisions.decide(m)
	for _, step := range []func(*merger) error{groups.allocate, events.allocate, contributions.allocate, decisions.allocate,
		groups.write, events.write, contributions.write, decisions.write} {
		if err := step(m); err != nil {
			return err
		}
	}
	return m.flushIndexes()
}

func talkContributions(e app.Event) []uint64 {
	out := make([]uint64, len(e.Talks))
	for i, t := range e.Talks {
		out[i] = t.ContributionID
	}
	return out
}

// levels sets the merged members' holdings. A level another chapter (or
// headquarters itself) set differently is a conflict.
func (m *merger) levels() error {
	b := m.tx.Bucket(bucketHoldings)
	count := m.counts["level"]
	for _, h := range m.b.Data.Levels {
		if err := m.step(); err != nil {
			return err
		}
		local, ok := m.resolve("member", h.MemberID)
		if !ok {
			count.HeldBack++
			continue
		}
		src := h.MemberID
		h.MemberID = local
		if id, found := strings.CutPrefix(h.Source, "decision:"); found {
			if n, err := strconv.ParseUint(id, 10, 64); err == nil {
				if l, ok := m.resolve("decision", n); ok {
					h.Source = "decision:" + strconv.FormatUint(l, 10)
				}
			}
		}
		err := placeByKey(m, b, "level", itob(local), itob(src), h, func(old app.Holding) {
			m.conflict("level", strconv.FormatUint(src, 10), app.ConflictLevelDiffers, "level", h.Level, old.Level, local)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// certificates adds the chapter's certificates by serial (serials carry
// the chapter code) and takes its later changes, such as a revocation.
func (m *merger) certificates() error {
	b := m.tx.Bucket(bucketCertificates)
	count := m.counts["certificate"]
	for _, c := range m.b.Data.Certificates {
		if err := m.step(); err != nil {
			return err
		}
		local, ok := m.resolve("member", c.MemberID)
		if !ok {
			count.HeldBack++
			continue
		}
		c.MemberID = local
		err := placeByKey(m, b, "certificate", []byte(c.Serial), []byte(c.Serial), c, func(old app.Certificate) {
			m.conflict("certificate", c.Serial, app.ConflictSerialTaken, "serial", c.Name, old.Name, old.MemberID)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// placeByKey writes a record the chapter sent under its local key: unchanged
// records are counted as such, a record another chapter (or headquarters)
// owns is a conflict, and the origin remembers the chapter's own key.
func placeByKey[T any](m *merger, b *bolt.Bucket, kind string, key, origin []byte, rec T, conflict func(old T)) error {
	count := m.counts[kind]
	var old T
	found, err := get(b, key, &old)
	if err != nil {
		return err
	}
	if found && sameJSON(old, rec) {
		count.Unchanged++
		return nil
	}
	if _, ours := m.affiliations(kind, key); found && !ours {
		conflict(old)
		return nil
	}
	if err := put(b, key, rec); err != nil {
		return err
	}
	if err := m.tx.Bucket(bucketOrigins).Put(originKey(kind, key, m.chapter), origin); err != nil {
		return err
	}
	if found {
		count.Updated++
	} else {
		count.Added++
	}
	return nil
}

// archive keeps the chapter's batches, trophy orders and audit as sent:
// the audit lines byte for byte as the bundle carries them (they are only
// ever handed back), in chunks (see archiveAudit), batches and trophy
// orders as decoded; and the member records keepSent collected. Files go
// in name order and records in key order, so that bbolt appends (see
// kindCodes).
func (m *merger) archive() error {
	d := &m.b.Data
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

// deletions removes what the chapter deleted and headquarters had from it,
// records naming others first (contributions, then events, then groups,
// then members), as the chapter had to. A member another chapter also
// has loses this chapter's affiliation only; one that records here still
// name (from this chapter's records held back, or made here) stays, as a
// conflict. A record never merged here is nothing to delete.
func (m *merger) deletions() error {
	dels := slices.Clone(m.b.Data.Deletions)
	slices.SortFunc(dels, func(a, b app.BundleDeletion) int {
		return cmp.Or(cmp.Compare(slices.Index(app.DeletableEntities, a.Entity), slices.Index(app.DeletableEntities, b.Entity)), cmp.Compare(a.ID, b.ID))
	})
	for _, d := range dels {
		if err := m.step(); err != nil {
			return err
		}
		local, ok := m.resolve(d.Entity, d.ID)
		if !ok || local == 0 {
			continue
		}
		deleted, err := m.deleteRecord(d.Entity, d.ID, local)
		if err != nil || !deleted {
			return err
		}
		m.movedBlock(d.Entity, d.ID)
		if d.Entity == "member" {
			if err := m.tx.Bucket(bucketChapterRecords).Delete(sentMemberKey(m.chapter, d.ID)); err != nil {
				return err
			}
		}
		m.local[d.Entity].remove(d.ID)
		m.counts[d.Entity].Deleted++
	}
	return nil
}

// deleteRecord deletes one record placed from the chapter, with its index
// entries and references; false when it stays (see deletions).
func (m *merger) deleteRecord(entity string, src, local uint64) (bool, error) {
	tx := m.tx
	if tx.Bucket(deletableBuckets[entity]).Get(itob(local)) == nil {
		// Gone already (deleted here): only the chapter's link remains.
		return true, tx.Bucket(bucketOrigins).Delete(originKey(entity, itob(local), m.chapter))
	}
	switch entity {
	case "contribution":
		old, err := loadContribution(tx, local)
		if err != nil {
			return false, err
		}
		if err := unindexContribution(tx, old); err != nil {
			return false, err
		}
	case "event":
		old, err := events.load(tx, local)
		if err != nil {
			return false, err
		}
		if err := swapRefs(tx, people(old), nil); err != nil {
			return false, err
		}
	case "group":
		old, err := groups.load(tx, local)
		if err != nil {
			return false, err
		}
		if err := swapRefs(tx, leadIDs(old), nil); err != nil {
			return false, err
		}
	case "member":
		return m.deleteMember(src, local)
	}
	return true, tx.Bucket(deletableBuckets[entity]).Delete(itob(local))
}

func (m *merger) deleteMember(src, local uint64) (bool, error) {
	tx := m.tx
	origin := originKey("member", itob(local), m.chapter)
	if n, _ := m.affiliations("member", itob(local)); n > 1 {
		return true, tx.Bucket(bucketOrigins).Delete(origin)
	}
	old, err := loadMember(tx, local)
	if err != nil {
		return false, err
	}
	if tx.Bucket(bucketMemberRefs).Get(itob(local)) != nil || tx.Bucket(bucketHoldings).Get(itob(local)) != nil {
		m.conflict("member", strconv.FormatUint(src, 10), app.ConflictMemberInUse, "id", old.Name, old.Name, local)
		return false, nil
	}
	if err := releaseContacts(tx, old); err != nil {
		return false, err
	}
	for _, b := range [][]byte{bucketMembers, bucketMemberIndex} {
		if err := tx.Bucket(b).Delete(itob(local)); err != nil {
			return false, err
		}
	}
	return true, tx.Bucket(bucketOrigins).Delete(origin)
}

// MergedChapters lists the chapters merged here, by ID.
func (s *Store) MergedChapters() ([]app.MergedChapter, error) {
	out := []app.MergedChapter{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketChapters).ForEach(func(_, v []byte) error {
			var c chapterRecord
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
			var c chapterRecord
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
