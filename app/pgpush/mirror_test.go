package pgpush_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/pgpush"

	"github.com/jackc/pgx/v5"
)

// counted is what a load did to one table.
type counted struct{ Changed, Deleted int64 }

// loader loads c's tables, with year's standings, into dsn the way
// headquarters would, and says what it did per table.
type loader struct {
	name string
	load func(t *testing.T, c *chapter, dsn string, year int) (map[string]counted, error)
}

var loaders = []loader{
	{"pg-push", func(t *testing.T, c *chapter, dsn string, year int) (map[string]counted, error) {
		tables := c.tables(t, year)
		_, loaded, err := pgpush.Push(context.Background(), dsn, "", c.source(t), tables, func(int, int) {})
		out := map[string]counted{}
		for _, l := range loaded {
			out[l.Table] = counted{l.Changed, l.Deleted}
		}
		return out, err
	}},
	{"psql script", func(t *testing.T, c *chapter, dsn string, year int) (map[string]counted, error) {
		out, err := c.psql(t, dsn, year)
		if err != nil {
			return nil, errors.New(out)
		}
		return scriptCounts(t, out, c.tables(t, year)), nil
	}},
}

func (c *chapter) tables(t *testing.T, year int) []app.DataTable {
	t.Helper()
	tables, err := c.svc.Exporter.Tables(year)
	if err != nil {
		t.Fatal(err)
	}
	return tables
}

// scriptCounts reads what psql printed: an INSERT per table in order,
// then a DELETE per table in reverse order.
func scriptCounts(t *testing.T, out string, tables []app.DataTable) map[string]counted {
	t.Helper()
	var inserts, deletes []int64
	for _, line := range strings.Split(out, "\n") {
		if n, ok := strings.CutPrefix(line, "INSERT 0 "); ok {
			inserts = append(inserts, atoi(t, n))
		} else if n, ok := strings.CutPrefix(line, "DELETE "); ok {
			deletes = append(deletes, atoi(t, n))
		}
	}
	if len(inserts) != len(tables) || len(deletes) != len(tables) {
		t.Fatalf("psql printed %d upserts and %d deletes for %d tables:\n%s", len(inserts), len(deletes), len(tables), out)
	}
	got := map[string]counted{}
	for i, d := range tables {
		got[d.Name] = counted{inserts[i], deletes[len(tables)-1-i]}
	}
	return got
}

func atoi(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// mirrored are the tables a load writes, and the schema's source.
var mirrored = []string{"members", "contributions", "standings", "batches", "certificates", "trophies", "source"}

// digest is every row of the schema's tables, as a count and an md5 per
// table, to tell whether a load changed anything at all.
func digest(t *testing.T, dsn string) string {
	t.Helper()
	var b strings.Builder
	for _, name := range mirrored {
		q := "SELECT count(*) || ':' || coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '') FROM acedesk." + name + " r"
		b.WriteString(name + "=" + query[string](t, dsn, q) + "\n")
	}
	return b.String()
}

func TestPGLoadsDeleteWhatACEDeskDeleted(t *testing.T) {
	for _, l := range loaders {
		t.Run(l.name, func(t *testing.T) {
			dsn, c, _ := newLoad(t)
			// A member with last year's contribution only: loads of this
			// year leave their standing alone until they are deleted.
			lin, err := c.svc.Members.Create(app.Member{Name: "林小满", City: "厦门"})
			if err != nil {
				t.Fatal(err)
			}
			linTalk, err := c.svc.Contributions.Create(app.Contribution{MemberID: lin.ID, Kind: "article", Date: "2025-09-01"})
			if err != nil {
				t.Fatal(err)
			}
			load := func(year int) map[string]counted {
				t.Helper()
				got, err := l.load(t, c, dsn, year)
				if err != nil {
					t.Fatal(err)
				}
				return got
			}
			// Last year's standings too: a load of this year's keeps them.
			load(2025)
			load(2026)
			kept2025 := query[int](t, dsn, "SELECT count(*) FROM acedesk.standings WHERE year = 2025 AND member_id <> $1", int64(lin.ID))
			if kept2025 == 0 || query[int](t, dsn, "SELECT count(*) FROM acedesk.standings WHERE member_id = $1", int64(lin.ID)) != 1 {
				t.Fatal("want standings of 2025 to keep, and one of the member to delete")
			}

			// Both members' only contribution, then the members.
			for _, del := range []struct {
				contribution app.Contribution
				member       uint64
			}{{c.pending, c.other.ID}, {linTalk, lin.ID}} {
				if err := c.svc.Contributions.Delete(del.contribution.ID, del.contribution.Version); err != nil {
					t.Fatal(err)
				}
				m, err := c.svc.Members.Get(del.member)
				if err != nil {
					t.Fatal(err)
				}
				if err := c.svc.Members.Delete(m.ID, m.Version); err != nil {
					t.Fatal(err)
				}
			}
			got := load(2026)
			// standings: the tricky member's of 2026, and 林小满's of 2025.
			want := map[string]counted{
				"members": {0, 2}, "contributions": {0, 2}, "standings": {0, 2},
				"batches": {0, 0}, "certificates": {0, 0}, "trophies": {0, 0},
			}
			for name, w := range want {
				if got[name] != w {
					t.Errorf("after deleting, %s: changed/deleted = %+v, want %+v", name, got[name], w)
				}
			}
			gone := []any{int64(c.other.ID), int64(lin.ID)}
			for _, tc := range []struct{ q, want string }{
				{"SELECT count(*)::text FROM acedesk.members WHERE id IN ($1, $2)", "0"},
				{"SELECT count(*)::text FROM acedesk.contributions WHERE member_id IN ($1, $2)", "0"},
				{"SELECT count(*)::text FROM acedesk.standings WHERE member_id IN ($1, $2)", "0"},
				{"SELECT count(*)::text FROM acedesk.standings WHERE year = 2025 AND member_id NOT IN ($1, $2)", strconv.Itoa(kept2025)},
			} {
				if got := query[string](t, dsn, tc.q, gone...); got != tc.want {
					t.Errorf("%s = %s, want %s", tc.q, got, tc.want)
				}
			}
			tables := c.tables(t, 2026)
			gotRows, wantRows := counts(t, dsn, tables), wantCounts(tables)
			wantRows["standings"] += kept2025
			if !sameCounts(gotRows, wantRows) {
				t.Errorf("rows = %v, want %v", gotRows, wantRows)
			}

			before := digest(t, dsn)
			for name, c := range load(2026) {
				if c != (counted{}) {
					t.Errorf("loading again, %s: %+v, want nothing", name, c)
				}
			}
			if after := digest(t, dsn); after != before {
				t.Errorf("loading again changed rows:\n%v\n%v", before, after)
			}
		})
	}
}

// A second ACE Desk database is refused, whatever the way of loading,
// and the rows stay as the first one loaded them.
func TestPGLoadFromAnotherDatabaseIsRefused(t *testing.T) {
	for _, first := range loaders {
		for _, second := range loaders {
			t.Run(first.name+" then "+second.name, func(t *testing.T) {
				dsn, c, _ := newLoad(t)
				if _, err := first.load(t, c, dsn, 2026); err != nil {
					t.Fatal(err)
				}
				before := digest(t, dsn)
				other := newChapter(t)
				_, err := second.load(t, other, dsn, 2026)
				if err == nil {
					t.Fatal("the other database's load was accepted")
				}
				if want := "holds the data of another ACE Desk database (chapter key " + c.source(t) + "), not of this one (" + other.source(t) + ")"; !strings.Contains(err.Error(), want) {
					t.Errorf("err = %v, want it to say %q", err, want)
				}
				var e *pgpush.Error
				if second.name == "pg-push" && (!errors.As(err, &e) || e.Step != pgpush.StepSource || e.Loaded != c.source(t)) {
					t.Errorf("err = %#v, want step %q with the loaded source %q", err, pgpush.StepSource, c.source(t))
				}
				if after := digest(t, dsn); after != before {
					t.Errorf("the refused load changed rows:\n%v\n%v", before, after)
				}
			})
		}
	}
}

// A schema an older ACE Desk loaded has no source: the next load claims
// it, and from then on another database is refused.
func TestPGSchemaWithoutASourceIsClaimedByTheNextLoad(t *testing.T) {
	for _, l := range loaders {
		t.Run(l.name, func(t *testing.T) {
			dsn, c, _ := newLoad(t)
			if _, err := l.load(t, c, dsn, 2026); err != nil {
				t.Fatal(err)
			}
			conn, err := pgx.Connect(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			_, err = conn.Exec(context.Background(), "DROP TABLE acedesk.source")
			conn.Close(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			got, err := l.load(t, c, dsn, 2026)
			if err != nil {
				t.Fatal(err)
			}
			for name, n := range got {
				if n != (counted{}) {
					t.Errorf("claiming, %s: %+v, want nothing changed", name, n)
				}
			}
			if got := query[string](t, dsn, "SELECT key_fingerprint FROM acedesk.source"); got != c.source(t) {
				t.Errorf("source = %q, want %q", got, c.source(t))
			}
			if _, err := l.load(t, newChapter(t), dsn, 2026); err == nil {
				t.Error("another database loaded over the claim")
			}
		})
	}
}
