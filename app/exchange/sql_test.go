package exchange

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"acedesk/app"
)

func TestCopyField(t *testing.T) {
	for _, tc := range []struct {
		v    any
		t    app.FieldType
		want string
	}{
		{nil, app.FieldText, `\N`},
		{"", app.FieldText, ""},
		{`\N`, app.FieldText, `\\N`},
		{"a\tb\nc\rd", app.FieldText, `a\tb\nc\rd`},
		{`C:\路径\`, app.FieldText, `C:\\路径\\`},
		{`\.`, app.FieldText, `\\.`},
		{"it's \"quoted\"", app.FieldText, `it's "quoted"`},
		{"nul\x00 and bad \xff utf-8", app.FieldText, "nul and bad  utf-8"},
		{int64(-42), app.FieldInteger, "-42"},
		{true, app.FieldBoolean, "true"},
		{time.Time{}, app.FieldTimestamp, `\N`},
		{time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC), app.FieldDate, "2026-03-05"},
		{time.Date(2026, 3, 5, 17, 4, 5, 0, time.FixedZone("CST", 8*3600)), app.FieldTimestamp, "2026-03-05T09:04:05Z"},
	} {
		if got := CopyField(tc.v, tc.t); got != tc.want {
			t.Errorf("CopyField(%q) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

// unescapeCopy reads a field as PostgreSQL's COPY text format does.
func unescapeCopy(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func FuzzCopyField(f *testing.F) {
	for _, s := range []string{"", `\N`, `\.`, "a\tb", "line\r\nbreak", `\\`, "王喆\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := CopyField(s, app.FieldText)
		if strings.ContainsAny(got, "\t\n\r") {
			t.Fatalf("CopyField(%q) = %q: a raw delimiter would split the row", s, got)
		}
		if got == `\N` || got == `\.` {
			t.Fatalf("CopyField(%q) = %q: reads as NULL or the end of data", s, got)
		}
		if back := unescapeCopy(got); back != app.CleanText(s) {
			t.Fatalf("CopyField(%q) = %q reads back as %q", s, got, back)
		}
	})
}

func TestPGUpsertLeavesUnchangedRowsAlone(t *testing.T) {
	d := app.DataTable{Name: "members", Key: []string{"id"}, Fields: []app.DataField{{Name: "id", Type: app.FieldBigInt}, {Name: "name"}}}
	want := "INSERT INTO acedesk.members AS t (id, name)\nSELECT id, name FROM acedesk_stage_members\n" +
		"ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name\nWHERE (t.name) IS DISTINCT FROM (EXCLUDED.name)"
	if got := PGUpsert(d); got != want {
		t.Errorf("PGUpsert =\n%s\nwant\n%s", got, want)
	}
	keyOnly := app.DataTable{Name: "tags", Key: []string{"id"}, Fields: []app.DataField{{Name: "id", Type: app.FieldBigInt}}}
	if got := PGUpsert(keyOnly); !strings.HasSuffix(got, "DO NOTHING") {
		t.Errorf("a table of keys only: %s", got)
	}
}

func TestWriteSQLIsOneTransactionWithCopyBlocks(t *testing.T) {
	d := app.DataTable{Name: "members", Title: "成员", Key: []string{"id"}, Fields: []app.DataField{
		{Name: "id", Header: "编号", Type: app.FieldBigInt}, {Name: "name", Header: "姓名"}, {Name: "joined", Header: "加入日期", Type: app.FieldDate},
	}, Rows: [][]any{{int64(1), "a\tb", nil}, {int64(2), "O'Brien", time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}}}
	var buf bytes.Buffer
	if err := WriteSQL(&buf, "3f9a 07c2 11aa 0b0b", []app.DataTable{d}, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	script := buf.String()
	for _, want := range []string{
		"\\set ON_ERROR_STOP on\n", "BEGIN;\n",
		"CREATE TABLE IF NOT EXISTS acedesk.members (\n  id bigint NOT NULL,\n  name text,\n  joined date,\n  PRIMARY KEY (id)\n);\n",
		"COMMENT ON COLUMN acedesk.members.name IS '姓名';\n",
		"COPY acedesk_stage_members (id, name, joined) FROM stdin;\n1\ta\\tb\t\\N\n2\tO'Brien\t2026-01-02\n\\.\n",
		"VALUES ('3f9a 07c2 11aa 0b0b') ON CONFLICT DO NOTHING;\n",
		"DELETE FROM acedesk.members AS t\nWHERE NOT EXISTS (SELECT 1 FROM acedesk_stage_members AS s WHERE s.id = t.id);\nCOMMIT;\n",
	} {
		if !strings.Contains(script, want) {
			t.Errorf("script lacks %q:\n%s", want, script)
		}
	}
	if strings.Index(script, "BEGIN;") > strings.Index(script, "CREATE SCHEMA") || !strings.HasSuffix(script, "COMMIT;\n") {
		t.Errorf("the DDL and data are not inside one transaction:\n%s", script)
	}
	if claim, table := strings.Index(script, "DO $claim$"), strings.Index(script, "CREATE TABLE IF NOT EXISTS acedesk.members"); claim < 0 || claim > table {
		t.Errorf("the schema is not claimed before the tables change:\n%s", script)
	}
}

func TestPGDeleteRemovesWhatWasNotSent(t *testing.T) {
	id := app.DataField{Name: "id", Type: app.FieldBigInt}
	member := app.DataField{Name: "member_id", Type: app.FieldBigInt, References: "members(id)"}
	year := app.DataField{Name: "year", Type: app.FieldInteger}
	for _, tc := range []struct {
		name string
		d    app.DataTable
		want string
	}{
		{"one key", app.DataTable{Name: "members", Key: []string{"id"}, Fields: []app.DataField{id, {Name: "name"}}},
			"DELETE FROM acedesk.members AS t\nWHERE NOT EXISTS (SELECT 1 FROM acedesk_stage_members AS s WHERE s.id = t.id)"},
		{"two keys", app.DataTable{Name: "trophies", Key: []string{"batch_id", "member_id"}, Fields: []app.DataField{{Name: "batch_id"}, member}},
			"DELETE FROM acedesk.trophies AS t\nWHERE NOT EXISTS (SELECT 1 FROM acedesk_stage_trophies AS s WHERE s.batch_id = t.batch_id AND s.member_id = t.member_id)"},
		// Another year's standings go only with their member.
		{"scoped", app.DataTable{Name: "standings", Key: []string{"year", "member_id"}, Fields: []app.DataField{year, member}, Scope: &app.DataScope{Field: "year", Value: int64(2026)}},
			"DELETE FROM acedesk.standings AS t\nWHERE NOT EXISTS (SELECT 1 FROM acedesk_stage_standings AS s WHERE s.year = t.year AND s.member_id = t.member_id)\n" +
				"  AND (t.year = '2026'\n    OR NOT EXISTS (SELECT 1 FROM acedesk_stage_members AS r WHERE r.id = t.member_id))"},
	} {
		if got := PGDelete(tc.d); got != tc.want {
			t.Errorf("%s: PGDelete =\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}
