// Package merge is headquarters' merge policy: which of a chapter's
// records headquarters takes, which it holds back as conflicts for the
// operator, how one person sent by several chapters is kept, and what a
// chapter's deletions remove. It works over an app.MergeTx, one database
// transaction the store lends it, and never touches storage itself.
package merge

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"acedesk/app"
)

// step is how many records go by between progress reports and
// cancellation checks.
const step = 4096

// kinds are the kinds of record a merge counts, in the order it reports.
var kinds = []string{"member", "group", "event", "contribution", "decision", "level", "certificate", "batch", "trophy", "audit"}

// merge is one bundle's merge.
type merge struct {
	tx       app.MergeTx
	b        *app.Bundle
	chapter  string
	ctx      context.Context
	progress app.Progress
	done     int
	total    int
	res      *app.MergeResult
	counts   map[string]*app.MergeCount
	// chapterChanged: the chapter is new, renamed or has a new key.
	chapterChanged bool
	unprintable    app.Unprintable
}

// Bundle merges a verified bundle (or one whose audit is still being
// checked: see app.Bundle.Finish) over tx. acceptKey is the operator's
// confirmation that a known chapter's new key is genuine; unprintable
// finds the characters of a name the certificate font lacks, and such a
// member is held back as a conflict. An error, or a cancelled ctx, leaves
// tx to be rolled back.
func Bundle(ctx context.Context, tx app.MergeTx, b *app.Bundle, acceptKey bool, unprintable app.Unprintable, progress app.Progress, ch app.Change) (app.MergeResult, error) {
	res := app.MergeResult{Bundle: b.Name, Chapter: b.Manifest.Chapter, Kind: b.Manifest.Kind,
		Fingerprint: app.Fingerprint(b.PublicKey), Conflicts: []app.MergeConflict{}}
	m := &merge{tx: tx, b: b, chapter: b.Manifest.Chapter.ID, ctx: ctx, progress: progress, res: &res, unprintable: unprintable,
		counts: map[string]*app.MergeCount{}, total: b.Records()}
	for _, k := range kinds {
		m.counts[k] = &app.MergeCount{Kind: k}
		res.Counts = append(res.Counts, app.MergeCount{Kind: k})
	}
	// The bundle's audit may still be being checked: it is waited for
	// only before it is kept, and a refusal then rolls back what the
	// steps before wrote.
	steps := []func() error{func() error { return m.trustKey(acceptKey, ch) }, m.members, m.linked, m.levels, m.certificates,
		b.Finish, func() error { return tx.Archive(&b.Data, m.counts, m.step) }, m.deletions, m.cancelled}
	for _, s := range steps {
		if err := s(); err != nil {
			return app.MergeResult{}, err
		}
	}
	for i := range res.Counts {
		c := m.counts[res.Counts[i].Kind]
		res.Counts[i] = *c
		res.Changed = res.Changed || c.Added > 0 || c.Updated > 0 || c.Deleted > 0
	}
	res.Changed = res.Changed || m.chapterChanged || res.Linked > 0
	if res.Changed {
		err := tx.Audit(ch, map[string]any{"bundle": res.Bundle, "chapter": res.Chapter,
			"kind": res.Kind, "fingerprint": res.Fingerprint, "counts": res.Counts, "linked": res.Linked, "conflicts": len(res.Conflicts),
			"new_chapter": res.NewChapter, "key_changed": res.KeyChanged})
		if err != nil {
			return app.MergeResult{}, err
		}
	}
	if progress != nil {
		progress(m.total, m.total)
	}
	return res, nil
}

// step counts a record, reports progress and stops a cancelled merge.
func (m *merge) step() error {
	m.done++
	if m.done%step != 0 {
		return nil
	}
	if m.progress != nil {
		m.progress(m.done, m.total)
	}
	return m.cancelled()
}

func (m *merge) cancelled() error {
	if m.ctx.Err() != nil {
		return app.Errorf(app.CodeConflict, "cancelled", "the merge was cancelled; nothing was changed")
	}
	return nil
}

func (m *merge) conflict(kind string, src, reason, field, incoming, existing string, existingID uint64) {
	m.res.Conflicts = append(m.res.Conflicts, app.MergeConflict{Bundle: m.b.Name, Chapter: m.chapter, Kind: kind,
		SourceID: src, Reason: reason, Field: field, Incoming: incoming, Existing: existing, ExistingID: strconv.FormatUint(existingID, 10)})
	m.counts[kind].HeldBack++
}

// trustKey trusts a new chapter's key and refuses another key for a known
// chapter unless the operator accepted it; this database's own key is
// refused, as merging a chapter into itself would double it.
func (m *merge) trustKey(acceptKey bool, ch app.Change) error {
	man := m.b.Manifest
	own, err := m.tx.OwnKey()
	if err != nil {
		return err
	}
	if own != nil && own.Equal(m.b.PublicKey) {
		return app.Errorf(app.CodeInvalid, "bundle_own_chapter", "%s is this database's own bundle", m.b.Name).WithParams("bundle", m.b.Name)
	}
	known, found, err := m.tx.Chapter(m.chapter)
	if err != nil {
		return err
	}
	next := app.MergedChapterRecord{Chapter: man.Chapter, PublicKey: man.PublicKey, FirstMerged: ch.At}
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
	return m.tx.SaveChapter(next)
}

// members places each member: one merged before is updated; one whose
// phone or email is here already, under the same name, is the same person
// and gains this chapter; under another name it is a conflict, and the
// member and what names them are held back.
func (m *merge) members() error {
	in := slices.Clone(m.b.Data.Members)
	slices.SortFunc(in, func(a, b app.Member) int { return cmp.Compare(a.ID, b.ID) })
	// Each member placed is kept as sent: the records are encoded on
	// every core before the members are placed one by one.
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
		if err := m.member(mem, sent[i]); err != nil {
			return err
		}
	}
	return m.tx.FlushMembers()
}

func (m *merge) member(mem app.Member, sent []byte) error {
	src := mem.ID
	if err := mem.CheckPrintable(m.unprintable); err != nil {
		e := app.AsError(err)
		if e.Reason != "name_unprintable" {
			return err
		}
		m.conflict("member", strconv.FormatUint(src, 10), app.ConflictNameUnprintable, e.Params["field"], mem.Name+" "+mem.NameLatin,
			e.Params["chars"]+" ("+e.Params["codes"]+")", 0)
		return nil
	}
	if local, ok := m.tx.Placed("member", src); ok {
		return m.updateMember(local, mem, sent)
	}
	p, e := m.tx.Holder("phone", mem.Phone), m.tx.Holder("email", mem.Email)
	srcID := strconv.FormatUint(src, 10)
	if p != 0 && e != 0 && p != e {
		m.conflict("member", srcID, app.ConflictContactsSplit, "phone/email", mem.Phone+" / "+mem.Email, strconv.FormatUint(p, 10)+" / "+strconv.FormatUint(e, 10), p)
		return nil
	}
	holder, field := p, "phone"
	if holder == 0 {
		holder, field = e, "email"
	}
	if holder == 0 {
		if _, err := m.tx.AddMember(src, mem); err != nil {
			return err
		}
		m.tx.KeepSent(src, sent)
		m.counts["member"].Added++
		return nil
	}
	existing, err := m.tx.Member(holder)
	if err != nil {
		return err
	}
	chapters, err := m.tx.MemberChapters(holder)
	if err != nil {
		return err
	}
	if _, ours := chapters[m.chapter]; ours {
		m.conflict("member", srcID, app.ConflictContactTaken, field, mem.Name, existing.Name, holder)
		return nil
	}
	if strings.TrimSpace(existing.Name) != strings.TrimSpace(mem.Name) {
		m.conflict("member", srcID, app.ConflictNameDiffers, field, mem.Name, existing.Name, holder)
		return nil
	}
	if err := m.tx.LinkMember(src, holder); err != nil {
		return err
	}
	m.tx.KeepSent(src, sent)
	m.res.Linked++
	return nil
}

// updateMember applies a chapter's newer record. A member only this
// chapter has takes the record whole. A member of several chapters takes,
// field by field, what this chapter changed since the record it sent
// before: the chapter that changed a field last wins, and fields it did
// not touch keep what other chapters (or the record first merged) gave
// them. Archived is the exception: the person stays active while any of
// their chapters has them active. A phone or email another member holds
// is a conflict, and nothing of the update applies.
func (m *merge) updateMember(local uint64, in app.Member, sentData []byte) error {
	existing, err := m.tx.Member(local)
	if err != nil {
		return err
	}
	src := in.ID
	next := in
	next.ID = local
	chapters, err := m.tx.MemberChapters(local)
	if err != nil {
		return err
	}
	if len(chapters) > 1 {
		sent, found, err := m.tx.SentMember(m.chapter, src)
		if err != nil {
			return err
		}
		if !found {
			// Merged before this database kept what chapters sent: from
			// now on this record is what the chapter sent.
			sent = in
		}
		if next, err = m.mergeMemberFields(existing, sent, in, chapters); err != nil {
			return err
		}
	}
	if sameJSON(existing, next) {
		m.counts["member"].Unchanged++
		m.tx.KeepSent(src, sentData)
		return nil
	}
	for _, ct := range []struct{ field, value string }{{"phone", next.Phone}, {"email", next.Email}} {
		if h := m.tx.Holder(ct.field, ct.value); h != 0 && h != local {
			other, err := m.tx.Member(h)
			if err != nil {
				return err
			}
			m.conflict("member", strconv.FormatUint(src, 10), app.ConflictContactTaken, ct.field, in.Name+" "+ct.value, other.Name, h)
			return nil
		}
	}
	if err := m.tx.WriteMember(existing, next); err != nil {
		return err
	}
	m.counts["member"].Updated++
	m.tx.KeepSent(src, sentData)
	return nil
}

// memberOwnFields are the Member fields that say how headquarters keeps
// the record rather than what a chapter knows of the person.
var memberOwnFields = map[string]bool{"ID": true, "Version": true, "CreatedAt": true, "UpdatedAt": true, "Archived": true}

// mergeMemberFields is existing with the fields the chapter changed from
// sent to in, a new version if any changed, and archived only if every
// chapter of the member has them archived.
func (m *merge) mergeMemberFields(existing, sent, in app.Member, chapters map[string]uint64) (app.Member, error) {
	next := existing
	nv, sv, iv := reflect.ValueOf(&next).Elem(), reflect.ValueOf(sent), reflect.ValueOf(in)
	for i := range nv.NumField() {
		if memberOwnFields[nv.Type().Field(i).Name] || reflect.DeepEqual(sv.Field(i).Interface(), iv.Field(i).Interface()) {
			continue
		}
		nv.Field(i).Set(iv.Field(i))
	}
	archived, err := m.archivedEverywhere(existing, in.Archived, chapters)
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
func (m *merge) archivedEverywhere(existing app.Member, here bool, chapters map[string]uint64) (bool, error) {
	if !here {
		return false, nil
	}
	for chapter, src := range chapters {
		if chapter == m.chapter {
			continue
		}
		sent, found, err := m.tx.SentMember(chapter, src)
		if err != nil {
			return false, err
		}
		if !found {
			sent = existing
		}
		if !sent.Archived {
			return false, nil
		}
	}
	return true, nil
}

func sameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}
