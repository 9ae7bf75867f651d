package merge

import (
	"bytes"
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"

	"acedesk/app"
)

// memberField is a Member field a chapter's change weighs: its index in
// the struct and its JSON name (the audit's and the field times' name).
type memberField struct {
	index int
	name  string
}

// weighedFields are the Member fields that say what a chapter knows of
// the person; the others say how headquarters keeps the record.
var weighedFields = func() []memberField {
	own := map[string]bool{"id": true, "version": true, "created_at": true, "updated_at": true, "archived": true}
	t := reflect.TypeFor[app.Member]()
	var out []memberField
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if !own[name] {
			out = append(out, memberField{i, name})
		}
	}
	return out
}()

// fieldTimes is when the chapter last changed each field of each member
// of m.kept, read from the bundle's audit: the entries of a changes
// bundle add to the times kept from the chapter's earlier bundles, a full
// bundle's give them all. A field set with no entry (a record older than
// its audit) counts from the record's creation.
func (m *merge) fieldTimes() ([]app.FieldTimes, error) {
	audit, err := auditTimes(m.b.Data.Audit)
	if err != nil {
		return nil, err
	}
	out := make([]app.FieldTimes, len(m.kept))
	for i, mem := range m.kept {
		t := app.FieldTimes{}
		if m.b.Manifest.Kind == app.BundleChanges {
			before, found, err := m.tx.SentMember(m.chapter, mem.ID)
			if err != nil {
				return nil, err
			}
			if found {
				maps.Copy(t, before.Changed)
			}
		}
		maps.Copy(t, audit[mem.ID])
		v := reflect.ValueOf(mem)
		for _, f := range weighedFields {
			if _, ok := t[f.name]; !ok && !v.Field(f.index).IsZero() {
				t[f.name] = mem.CreatedAt
			}
		}
		out[i] = t
	}
	return out, nil
}

// auditTimes reads the member entries of a chapter's audit, oldest first:
// each field an entry changed (or a creation set) gets the entry's time.
func auditTimes(audit []app.BundleAudit) (map[uint64]app.FieldTimes, error) {
	var entries []app.BundleAudit
	for _, a := range audit {
		if a.Entity == "member" {
			entries = append(entries, a)
		}
	}
	changes := make([]app.FieldTimes, len(entries))
	err := app.InParallel(len(entries), func(i int) error {
		var err error
		changes[i], err = changedFields(entries[i].Line, false)
		return err
	})
	if err != nil {
		return nil, err
	}
	out := map[uint64]app.FieldTimes{}
	for i, e := range entries {
		t := out[e.EntityID]
		if t == nil {
			t = app.FieldTimes{}
			out[e.EntityID] = t
		}
		maps.Copy(t, changes[i])
	}
	return out, nil
}

// changedFields is the fields one audit entry of a member changed, at
// the entry's time, "archived" too when withArchived; a deletion changes
// none.
func changedFields(line []byte, withArchived bool) (app.FieldTimes, error) {
	var e struct {
		At     time.Time                  `json:"at"`
		Before map[string]json.RawMessage `json:"before"`
		After  map[string]json.RawMessage `json:"after"`
	}
	if err := json.Unmarshal(line, &e); err != nil {
		return nil, err
	}
	out := app.FieldTimes{}
	fields := weighedFields
	if withArchived {
		fields = append(slices.Clone(fields), memberField{name: "archived"})
	}
	for _, f := range fields {
		after, ok := e.After[f.name]
		if !ok {
			continue
		}
		before, had := e.Before[f.name]
		if (had && !bytes.Equal(before, after)) || (!had && !zeroJSON(after)) {
			out[f.name] = e.At
		}
	}
	return out, nil
}

// zeroJSON: a field a creation leaves empty was not set.
func zeroJSON(v json.RawMessage) bool {
	switch string(v) {
	case `""`, "0", "false", "null", "[]", "{}":
		return true
	}
	return false
}

// weigh is existing with each field from the record that changed it last
// (records come in chapter code order, so the lowest code wins a tie),
// archived only when every record is, created when the first record was
// and updated at the latest change it took. Fields in own (headquarters'
// own changes) keep what existing has.
func weigh(existing app.Member, records []app.SentMember, own map[string]bool) app.Member {
	next := existing
	nv := reflect.ValueOf(&next).Elem()
	var latest time.Time
	for _, f := range weighedFields {
		if own[f.name] {
			continue
		}
		best, bestAt := -1, time.Time{}
		for i, r := range records {
			if at := r.Changed[f.name]; !at.IsZero() && (best < 0 || at.After(bestAt)) {
				best, bestAt = i, at
			}
		}
		if best >= 0 {
			nv.Field(f.index).Set(reflect.ValueOf(records[best].Member).Field(f.index))
			latest = maxTime(latest, bestAt)
		}
	}
	next.Archived = true
	for _, r := range records {
		next.Archived = next.Archived && r.Archived
		if !r.CreatedAt.IsZero() && r.CreatedAt.Before(next.CreatedAt) {
			next.CreatedAt = r.CreatedAt
		}
	}
	if own["archived"] {
		next.Archived = existing.Archived
	}
	if next.Archived {
		for _, r := range records {
			latest = maxTime(latest, r.UpdatedAt)
		}
	}
	if !latest.IsZero() {
		next.UpdatedAt = latest
	}
	return next
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
