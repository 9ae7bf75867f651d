package merge

import (
	"cmp"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"

	"acedesk/app"
)

// members places each member: one merged before is updated; one whose
// phone or email is here already, under the same name, is the same person
// and gains this chapter; under another name it is a conflict, and the
// member and what names them are held back. A person several chapters
// send is weighed field by field once the bundle's audit is read (see
// resolveMembers).
func (m *merge) members() error {
	in := slices.Clone(m.b.Data.Members)
	slices.SortFunc(in, func(a, b app.Member) int { return cmp.Compare(a.ID, b.ID) })
	for _, mem := range in {
		if err := m.step(); err != nil {
			return err
		}
		if err := mem.Validate(); err != nil {
			m.invalid("member", strconv.FormatUint(mem.ID, 10), err)
			m.counts["member"].HeldBack++
			continue
		}
		if err := m.member(mem); err != nil {
			return err
		}
	}
	return m.tx.FlushMembers()
}

func (m *merge) member(mem app.Member) error {
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
		return m.updateMember(local, mem)
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
		m.kept = append(m.kept, mem)
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
	m.kept = append(m.kept, mem)
	m.weighed[holder] = src
	m.res.Linked++
	return nil
}

// updateMember takes a chapter's newer record of a member it sent
// before. It is weighed field by field once the bundle's field times are
// known (resolveMembers), even when this chapter is the member's only one:
// a chapter that joined a member another chapter or headquarters brought
// never replaces the record whole.
func (m *merge) updateMember(local uint64, in app.Member) error {
	m.kept = append(m.kept, in)
	m.weighed[local] = in.ID
	return nil
}

// write replaces existing with next, unless next takes a phone or email
// another member holds: then it is a conflict, and nothing of in applies.
func (m *merge) write(existing, next, in app.Member) error {
	for _, ct := range []struct{ field, value string }{{"phone", next.Phone}, {"email", next.Email}} {
		if h := m.tx.Holder(ct.field, ct.value); h != 0 && h != existing.ID {
			other, err := m.tx.Member(h)
			if err != nil {
				return err
			}
			m.conflict("member", strconv.FormatUint(in.ID, 10), app.ConflictContactTaken, ct.field, in.Name+" "+ct.value, other.Name, h)
			return nil
		}
	}
	if err := m.tx.WriteMember(existing, next); err != nil {
		return err
	}
	m.counts["member"].Updated++
	return nil
}

// resolveMembers, once the bundle's audit is read, keeps each member as
// the chapter sent it with when the chapter changed each field, and
// weighs every member this bundle updated or joined.
func (m *merge) resolveMembers() error {
	times, err := m.fieldTimes()
	if err != nil {
		return err
	}
	sent := make(map[uint64]app.SentMember, len(m.kept))
	data := make([][]byte, len(m.kept))
	for i, mem := range m.kept {
		sent[mem.ID] = app.SentMember{Member: mem, Changed: times[i]}
	}
	err = app.InParallel(len(m.kept), func(i int) error {
		var err error
		data[i], err = json.Marshal(sent[m.kept[i].ID])
		return err
	})
	if err != nil {
		return err
	}
	for i, mem := range m.kept {
		m.tx.KeepSent(mem.ID, data[i])
	}
	for _, local := range slices.Sorted(maps.Keys(m.weighed)) {
		if err := m.resolve(local, sent[m.weighed[local]]); err != nil {
			return err
		}
	}
	return nil
}

// resolve weighs a member the chapters send: each field takes the
// value of the chapter that changed it last (the lowest chapter code on a
// tie), a field no chapter ever set keeps what is here, and archived holds
// only when every chapter has them archived. What headquarters' own
// operators set (a member of its own, a correction) stays: no chapter
// overwrites it. The outcome depends only on
// what each chapter sent last, never on the order of the merges.
func (m *merge) resolve(local uint64, here app.SentMember) error {
	existing, err := m.tx.Member(local)
	if err != nil {
		return err
	}
	chapters, err := m.tx.MemberChapters(local)
	if err != nil {
		return err
	}
	records := make([]app.SentMember, 0, len(chapters))
	codes := slices.Sorted(maps.Keys(chapters))
	for _, code := range codes {
		if code == m.chapter {
			records = append(records, here)
			continue
		}
		sent, found, err := m.tx.SentMember(code, chapters[code])
		if err != nil {
			return err
		}
		if !found {
			// merged before headquarters kept what chapters sent: the
			// record here stands for it, with no field's time known
			sent = app.SentMember{Member: existing}
		}
		records = append(records, sent)
	}
	own, err := m.ownFields(local)
	if err != nil {
		return err
	}
	next := weigh(existing, records, own)
	if sameJSON(existing, next) {
		m.counts["member"].Unchanged++
		return nil
	}
	next.Version = existing.Version + 1
	return m.write(existing, next, here.Member)
}

// ownFields are the fields headquarters' own operators set on member
// local ("archived" included), from its own audit.
func (m *merge) ownFields(local uint64) (map[string]bool, error) {
	lines, err := m.tx.OwnAudit(local)
	if err != nil {
		return nil, err
	}
	own := map[string]bool{}
	for _, line := range lines {
		changed, err := changedFields(line, true)
		if err != nil {
			return nil, err
		}
		for f := range changed {
			own[f] = true
		}
	}
	return own, nil
}
