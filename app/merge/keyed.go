package merge

import (
	"maps"
	"slices"

	"acedesk/app"
	"acedesk/app/rules"
)

// levels takes the chapter's holdings, a member's year at a time. Each
// chapter's is kept as sent, and the ledger holds, for each member and
// year, the highest level any of the member's chapters gives (a person's
// level is the highest any track gives), so that the order in which
// bundles are merged never decides it. A holding of a bundle of version 1
// or 2 covered several years (see app.Holding.Through) and counts for each.
func (m *merge) levels() error {
	count := m.counts["level"]
	for _, sent := range m.b.Data.Levels {
		if err := m.step(); err != nil {
			return err
		}
		local, ok := m.tx.Placed("member", sent.MemberID)
		if !ok {
			count.HeldBack++
			continue
		}
		for year := sent.Year; year <= max(sent.Year, sent.Through); year++ {
			h := sent
			h.Year, h.Through = year, 0
			if err := m.level(local, h); err != nil {
				return err
			}
		}
	}
	return nil
}

// level takes one holding h of the chapter's, sent for its member
// h.MemberID and placed as member local: the ledger's holding of the
// year becomes the highest of the member's chapters' as that chapter
// sent it (so one chapter's round trip through headquarters changes
// nothing), the chapter first in code order taking a tie.
func (m *merge) level(local uint64, h app.Holding) error {
	if err := m.tx.KeepHolding(h); err != nil {
		return err
	}
	chapters, err := m.tx.MemberChapters(local)
	if err != nil {
		return err
	}
	want, found := h, false
	for _, chapter := range slices.Sorted(maps.Keys(chapters)) {
		sent, ok, err := m.tx.ChapterHolding(chapter, chapters[chapter], h.Year)
		if err != nil {
			return err
		}
		if ok && (!found || rules.Level(sent.Level).Rank() > rules.Level(want.Level).Rank()) {
			want, found = sent, true
		}
	}
	want.MemberID = local
	old, exists, err := m.tx.Holding(local, h.Year)
	if err != nil {
		return err
	}
	count := m.counts["level"]
	switch {
	case exists && sameJSON(old, want):
		count.Unchanged++
		return nil
	case exists:
		count.Updated++
	default:
		count.Added++
	}
	return m.tx.PutHolding(want)
}

// certificates adds the chapter's certificates by serial and takes its
// later changes, such as a revocation. A serial carries the code of the
// chapter that issued it: one with another code is held back, since the
// chapter's key would make it verify as that chapter's certificate.
func (m *merge) certificates() error {
	count := m.counts["certificate"]
	for _, c := range m.b.Data.Certificates {
		if err := m.step(); err != nil {
			return err
		}
		if err := c.Validate(); err != nil {
			m.invalid("certificate", c.Serial, err)
			count.HeldBack++
			continue
		}
		if code := app.SerialChapter(c.Serial); code != m.chapter {
			m.conflict("certificate", c.Serial, app.ConflictSerialOther, "serial", code, m.chapter, 0)
			continue
		}
		local, ok := m.tx.Placed("member", c.MemberID)
		if !ok {
			count.HeldBack++
			continue
		}
		c.MemberID = local
		old, found, ours, err := m.tx.Certificate(c.Serial)
		if err != nil {
			return err
		}
		if !m.keyed("certificate", found, ours, sameJSON(old, c), func() {
			m.conflict("certificate", c.Serial, app.ConflictSerialTaken, "serial", c.Name, old.Name, old.MemberID)
		}) {
			continue
		}
		if err := m.tx.PutCertificate(c); err != nil {
			return err
		}
	}
	return nil
}

// keyed decides about a record the chapter sent under a key of its own (a
// member's holding, a serial): unchanged records are counted as such, a
// record another chapter (or headquarters) owns is a conflict, anything
// else is written, as added or updated. It reports whether to write.
func (m *merge) keyed(kind string, found, ours, same bool, conflict func()) bool {
	count := m.counts[kind]
	switch {
	case found && same:
		count.Unchanged++
		return false
	case found && !ours:
		conflict()
		return false
	case found:
		count.Updated++
	default:
		count.Added++
	}
	return true
}
