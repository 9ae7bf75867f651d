// Package merge is headquarters' merge policy: which of a chapter's
// records headquarters takes, which it holds back as conflicts for the
// operator, how one person sent by several chapters is kept, and what a
// chapter's deletions remove. It works over an app.MergeTx, one database
// transaction the store lends it, and never touches storage itself.
package merge

import (
	"bytes"
	"context"
	"encoding/json"
	"maps"
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
	// kept are the bundle's members placed here, in source ID order, to
	// keep as sent once their field times are known (resolveMembers);
	// weighed are those updated or joined, whose fields are weighed then.
	kept        []app.Member
	weighed     map[uint64]uint64 // local ID → the source ID of this chapter
	unprintable app.Unprintable
}

// Bundle merges a bundle whose manifest and signature were checked over
// tx: it decides whether to trust the key, then has the bundle read its
// data (its audit still being checked meanwhile: see app.Bundle.Finish).
// acceptKey is the operator's confirmation, after comparing fingerprints
// with the chapter, that the key is the chapter's: a chapter merged for
// the first time, or a known chapter's new key. unprintable finds the
// characters of a name the certificate font lacks: such a member is held
// back as a conflict. An error, or a cancelled ctx, leaves tx to be rolled
// back.
func Bundle(ctx context.Context, tx app.MergeTx, b *app.Bundle, acceptKey bool, unprintable app.Unprintable, progress app.Progress, ch app.Change) (app.MergeResult, error) {
	res := app.MergeResult{Bundle: b.Name, Chapter: b.Manifest.Chapter, Kind: b.Manifest.Kind,
		Fingerprint: app.Fingerprint(b.PublicKey), Conflicts: []app.MergeConflict{}}
	m := &merge{tx: tx, b: b, chapter: b.Manifest.Chapter.ID, ctx: ctx, progress: progress, res: &res, unprintable: unprintable,
		counts: map[string]*app.MergeCount{}, total: b.Records(), weighed: map[uint64]uint64{}}
	for _, k := range kinds {
		m.counts[k] = &app.MergeCount{Kind: k}
		res.Counts = append(res.Counts, app.MergeCount{Kind: k})
	}
	// The bundle's audit may still be being checked: it is waited for
	// only before it is kept, and a refusal then rolls back what the
	// steps before wrote.
	// Nothing of the data is read before the key is trusted: a bundle
	// from a key nobody confirmed costs no more than its manifest.
	steps := []func() error{func() error { return m.trustKey(acceptKey, ch) }, b.Load, m.members, m.linked, m.levels, m.certificates,
		b.Finish, m.resolveMembers, func() error { return tx.Archive(&b.Data, m.counts, m.step) }, m.deletions, m.cancelled}
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
	m.record(app.MergeConflict{Kind: kind, SourceID: src, Reason: reason, Field: field, Incoming: incoming, Existing: existing,
		ExistingID: strconv.FormatUint(existingID, 10)})
	m.counts[kind].HeldBack++
}

func (m *merge) record(c app.MergeConflict) {
	c.Bundle, c.Chapter = m.b.Name, m.chapter
	m.res.Conflicts = append(m.res.Conflicts, c)
}

// invalid records a record that fails its validation: the fields and
// their reasons, as a typed record would be refused with. The caller
// holds it back.
func (m *merge) invalid(kind, src string, err error) {
	fields := app.AsError(err).Fields
	names := slices.Sorted(maps.Keys(fields))
	reasons := make([]string, len(names))
	for i, f := range names {
		reasons[i] = f + ": " + fields[f]
	}
	m.record(app.MergeConflict{Kind: kind, SourceID: src, Reason: app.ConflictInvalid, Field: strings.Join(names, ", "),
		Incoming: strings.Join(reasons, "; "), ExistingID: "0"})
}

// trustKey decides whether to trust the bundle's key before any of its
// data is read. This database's own key and own chapter code are refused
// (merging itself would double its records; another key under its code
// would sign certificates that pass for its own). A chapter merged for the
// first time, or a known chapter with another key, is refused until the
// operator confirms the key's fingerprint with the chapter (acceptKey).
func (m *merge) trustKey(acceptKey bool, ch app.Change) error {
	man := m.b.Manifest
	own, err := m.tx.OwnKey()
	if err != nil {
		return err
	}
	if own != nil && own.Equal(m.b.PublicKey) {
		return app.Errorf(app.CodeInvalid, "bundle_own_chapter", "%s is this database's own bundle", m.b.Name).WithParams("bundle", m.b.Name)
	}
	code, err := m.tx.OwnChapterCode()
	if err != nil {
		return err
	}
	if m.chapter == code {
		return app.Errorf(app.CodeInvalid, "bundle_own_chapter_code", "%s: chapter %s is this database's own chapter code: a bundle may not claim it",
			m.b.Name, m.chapter).WithParams("bundle", m.b.Name, "chapter", m.chapter)
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
	case !found && !acceptKey:
		return app.Errorf(app.CodeConflict, "bundle_key_unconfirmed", "%s: chapter %s is merged here for the first time, with key %s: "+
			"confirm the key's fingerprint with the chapter before accepting it", m.b.Name, m.chapter, m.res.Fingerprint).
			WithParams("bundle", m.b.Name, "chapter", m.chapter, "new", m.res.Fingerprint)
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

func sameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}
