package merge

import (
	"strconv"
	"strings"

	"acedesk/app"
)

// levels sets the merged members' holdings. A level another chapter (or
// headquarters itself) set differently is a conflict.
func (m *merge) levels() error {
	count := m.counts["level"]
	for _, h := range m.b.Data.Levels {
		if err := m.step(); err != nil {
			return err
		}
		local, ok := m.tx.Placed("member", h.MemberID)
		if !ok {
			count.HeldBack++
			continue
		}
		src := h.MemberID
		h.MemberID = local
		if id, found := strings.CutPrefix(h.Source, "decision:"); found {
			if n, err := strconv.ParseUint(id, 10, 64); err == nil {
				if l, ok := m.tx.Placed("decision", n); ok {
					h.Source = "decision:" + strconv.FormatUint(l, 10)
				}
			}
		}
		old, found, ours, err := m.tx.Holding(local)
		if err != nil {
			return err
		}
		if !m.keyed("level", found, ours, sameJSON(old, h), func() {
			m.conflict("level", strconv.FormatUint(src, 10), app.ConflictLevelDiffers, "level", h.Level, old.Level, local)
		}) {
			continue
		}
		if err := m.tx.PutHolding(h, src); err != nil {
			return err
		}
	}
	return nil
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
