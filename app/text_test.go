package app

import (
	"strings"
	"testing"
)

// TestEveryRecordRefusesControlCharactersAndTextBeyondItsCap: typed,
// imported and merged records all go through these Validate methods.
func TestEveryRecordRefusesControlCharactersAndTextBeyondItsCap(t *testing.T) {
	member := func(edit func(m *Member)) error {
		m := Member{Name: "欧阳喆", Phone: "13800000001", Bio: "第一行\n第二行\t缩进"}
		edit(&m)
		return m.Validate()
	}
	contribution := func(edit func(c *Contribution)) error {
		c := Contribution{MemberID: 1, Kind: "article", Date: "2026-02-01", Quantity: 1, Status: StatusApproved}
		edit(&c)
		return c.Validate()
	}
	for _, tc := range []struct {
		name  string
		err   error
		field string
		want  string
	}{
		{"a plain member", member(func(*Member) {}), "", ""},
		{"a name of 5,000 characters", member(func(m *Member) { m.Name = strings.Repeat("名", 5000) }), "name", "too_long"},
		{"a bio of 100 KB", member(func(m *Member) { m.Bio = strings.Repeat("x", 100_000) }), "bio", "too_long"},
		{"a right-to-left override", member(func(m *Member) { m.Name = "admin\u202Egnp.exe" }), "name", "control_character"},
		{"a directional isolate", member(func(m *Member) { m.City = "杭州\u2066" }), "city", "control_character"},
		{"a bell", member(func(m *Member) { m.Name = "王伟\a" }), "name", "control_character"},
		{"an escape sequence", member(func(m *Member) { m.Organization = "\x1b[2J" }), "organization", "control_character"},
		{"a line break in a name", member(func(m *Member) { m.Name = "王\n伟" }), "name", "control_character"},
		{"a carriage return in a bio", member(func(m *Member) { m.Bio = "fake\rline" }), "", ""},
		{"a C1 control", member(func(m *Member) { m.Notes = "\u009b2J" }), "notes", "control_character"},
		{"a plain contribution", contribution(func(*Contribution) {}), "", ""},
		{"a quantity of 2^63-1", contribution(func(c *Contribution) { c.Quantity = 9_223_372_036_854_775_807 }), "quantity", "above_max"},
		{"a quantity of 2^32", contribution(func(c *Contribution) { c.Quantity = 4_294_967_296 }), "quantity", "above_max"},
		{"the largest quantity", contribution(func(c *Contribution) { c.Quantity = MaxQuantity }), "", ""},
		{"an override beyond the cap", contribution(func(c *Contribution) { o := MaxQuantity + 1; c.Override, c.OverrideReason = &o, "x" }), "override", "above_max"},
		{"a title with a BEL", contribution(func(c *Contribution) { c.Title = "好文\a" }), "title", "control_character"},
		{"an event name with an override", Event{Name: "\u202E会峰", Kind: EventOther, Date: "2026-02-01"}.Validate(), "name", "control_character"},
		{"a group city with an escape", Group{Committee: CommitteeRegional, Name: "杭州用户组", City: "\x1b]0;x\a"}.Validate(), "city", "control_character"},
		{"a decision reason of 501 characters", Decision{Kind: DecisionInvitation, MemberID: 1, Year: 2026, Reason: strings.Repeat("因", 501)}.Validate(), "reason", "too_long"},
		{"a certificate with a path for a serial", Certificate{Serial: "../PGACE-2026-HZ-000001", MemberID: 1}.Validate(), "serial", "invalid"},
		{"a chapter code with a newline", BundleChapter{ID: "HZ\n"}.Validate(), "id", "invalid_chapter_code"},
		{"a chapter name with an escape", BundleChapter{ID: "HZ", Name: "\x1b[2J"}.Validate(), "name", "control_character"},
	} {
		var got string
		if tc.err != nil {
			got = AsError(tc.err).Fields[tc.field]
		}
		if (tc.err == nil) != (tc.field == "") || got != tc.want {
			t.Errorf("%s: %v, want %s on %q", tc.name, tc.err, tc.want, tc.field)
		}
	}
}
