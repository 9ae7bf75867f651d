package rules

import (
	"testing"
	"time"
)

// fuzzContributions reads six bytes per contribution: member, kind (one past
// the table is an unknown kind), month (high values: the year before), day,
// status and override, quantity.
func fuzzContributions(kinds []KindRule, data []byte) []Contribution {
	var out []Contribution
	for i := 0; i+6 <= len(data); i += 6 {
		b := data[i : i+6]
		c := Contribution{
			ID:       uint64(len(out) + 1),
			MemberID: uint64(b[0]%8 + 1),
			Kind:     "podcast",
			Date:     Date{year, time.Month(b[2]%12 + 1), int(b[3]%28 + 1)},
			Quantity: 1,
			Status:   []Status{StatusApproved, StatusApproved, StatusPending, StatusRejected}[b[4]%4],
		}
		if k := int(b[1]) % (len(kinds) + 1); k < len(kinds) {
			c.Kind = kinds[k].Key
			if kinds[k].Unit > 1 {
				c.Quantity = int(b[5]) * 16
			}
		}
		if b[2] >= 240 {
			c.Date.Year = year - 1
		}
		if b[4] >= 224 {
			o := int(b[5]) - 16 // some overrides are negative
			c.Override = &o
		}
		out = append(out, c)
	}
	return out
}

func FuzzMoreApprovedPointsNeverLowersLevel(f *testing.F) {
	f.Add([]byte{}, uint8(1), uint8(0), uint8(2), uint8(3), uint16(1), false, uint16(0))
	f.Add([]byte{1, 4, 1, 1, 0, 94, 1, 4, 2, 1, 0, 37}, uint8(0), uint8(4), uint8(2), uint8(1), uint16(600), false, uint16(0))
	f.Add([]byte{2, 1, 0, 4, 0, 0, 2, 3, 5, 5, 1, 0, 2, 3, 5, 6, 225, 40}, uint8(1), uint8(5), uint8(0), uint8(0), uint16(1), true, uint16(120))
	f.Add([]byte{3, 0, 8, 8, 0, 0, 3, 6, 8, 9, 0, 0}, uint8(2), uint8(1), uint8(11), uint8(27), uint16(1), false, uint16(0))
	r := DefaultRules(year)
	roles := []Role{
		role(1, RoleGroupLead, "杭州用户组", "2026-03-01"),
		role(2, RoleInvitation, "", "2026-06-01"),
		{MemberID: 3, Year: year, Kind: RoleSpecialGrant, Level: LevelPartner, Since: day("2026-09-01")},
	}
	f.Fuzz(func(t *testing.T, data []byte, member, kind, month, dayN uint8, quantity uint16, hasOverride bool, override uint16) {
		contribs := fuzzContributions(r.Kinds, data)
		before := Standings(r, contribs, roles)

		extra := Contribution{
			ID:       uint64(len(contribs) + 1),
			MemberID: uint64(member%8 + 1),
			Kind:     "podcast",
			Date:     Date{year, time.Month(month%12 + 1), int(dayN%28 + 1)},
			Quantity: int(quantity),
			Status:   StatusApproved,
		}
		if k := int(kind) % (len(r.Kinds) + 1); k < len(r.Kinds) {
			extra.Kind = r.Kinds[k].Key
		}
		if hasOverride {
			o := int(override)
			extra.Override = &o
		}
		after := Standings(r, append(contribs, extra), roles)

		byMember := map[uint64]Standing{}
		for _, st := range after {
			sum := 0
			for _, p := range st.PointsByKind {
				sum += p
			}
			if sum != st.Points {
				t.Fatalf("member %d: PointsByKind %v add up to %d, not %d", st.MemberID, st.PointsByKind, sum, st.Points)
			}
			byMember[st.MemberID] = st
		}
		for _, old := range before {
			now, ok := byMember[old.MemberID]
			switch {
			case !ok:
				t.Fatalf("member %d disappeared", old.MemberID)
			case now.Level.Rank() < old.Level.Rank():
				t.Fatalf("member %d: level %s fell to %s after adding %+v", old.MemberID, old.Level, now.Level, extra)
			case now.Points < old.Points:
				t.Fatalf("member %d: points %d fell to %d after adding %+v", old.MemberID, old.Points, now.Points, extra)
			}
			for level, on := range old.QualifiedOn {
				if got, ok := now.QualifiedOn[level]; !ok || on.Before(got) {
					t.Fatalf("member %d: %s qualified on %v, now %v (%v) after adding %+v", old.MemberID, level, on, got, ok, extra)
				}
			}
		}
	})
}
