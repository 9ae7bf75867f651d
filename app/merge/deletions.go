package merge

import (
	"cmp"
	"slices"
	"strconv"

	"acedesk/app"
)

// deletions removes what the chapter deleted and headquarters had from it,
// records naming others first (contributions, then events, then groups,
// then members), as the chapter had to. A member another chapter also
// has loses this chapter's affiliation only; one that records here still
// name (from this chapter's records held back, or made here) stays, as a
// conflict. A record never merged here is nothing to delete.
func (m *merge) deletions() error {
	dels := slices.Clone(m.b.Data.Deletions)
	slices.SortFunc(dels, func(a, b app.BundleDeletion) int {
		return cmp.Or(cmp.Compare(slices.Index(app.DeletableEntities, a.Entity), slices.Index(app.DeletableEntities, b.Entity)), cmp.Compare(a.ID, b.ID))
	})
	for _, d := range dels {
		if err := m.step(); err != nil {
			return err
		}
		local, ok := m.tx.Placed(d.Entity, d.ID)
		if !ok || local == 0 {
			continue
		}
		deleted, err := m.deleteRecord(d.Entity, d.ID, local)
		if err != nil || !deleted {
			return err
		}
		if err := m.tx.Unplace(d.Entity, d.ID); err != nil {
			return err
		}
		m.counts[d.Entity].Deleted++
	}
	return nil
}

// deleteRecord deletes one record placed from the chapter; false when it
// stays (see deletions).
func (m *merge) deleteRecord(entity string, src, local uint64) (bool, error) {
	if entity != "member" {
		return true, m.tx.DeleteRecord(entity, src, local)
	}
	old, err := m.tx.Member(local)
	if app.ErrorCode(err) == app.CodeNotFound {
		// Gone already (deleted here): only the chapter's link remains.
		return true, m.tx.UnlinkMember(local)
	}
	if err != nil {
		return false, err
	}
	chapters, err := m.tx.MemberChapters(local)
	if err != nil {
		return false, err
	}
	if len(chapters) > 1 {
		return true, m.tx.UnlinkMember(local)
	}
	inUse, err := m.tx.MemberInUse(local)
	if err != nil {
		return false, err
	}
	if inUse {
		m.conflict("member", strconv.FormatUint(src, 10), app.ConflictMemberInUse, "id", old.Name, old.Name, local)
		return false, nil
	}
	return true, m.tx.DeleteRecord(entity, src, local)
}
