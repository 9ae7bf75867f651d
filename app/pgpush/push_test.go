package pgpush_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/app/apptest/wired"
	"acedesk/app/pgpush"
	"acedesk/app/service"
	"acedesk/store"

	"github.com/jackc/pgx/v5"
)

// tricky is a name with everything COPY and SQL quote specially. The
// forms refuse tabs and line breaks in names, but imports and bundles
// write names through the store, so the export must carry them.
const tricky = "O'Brien \"王\\喆\"\tTab\nLine"

// chapter is a database with two members, contributions, a published
// batch and its certificate, and a member with a tricky name.
type chapter struct {
	svc   *service.Services
	st    *store.Store
	other app.Member
	// pending is other's only contribution.
	pending app.Contribution
}

func newChapter(t *testing.T) *chapter {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "acedesk.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clock := apptest.NewClock(apptest.Start)
	svc := service.New(st, clock, "lead", wired.Ports())
	if err := wired.SetChapter(svc, "HZ"); err != nil {
		t.Fatal(err)
	}
	m, err := svc.Members.Create(app.Member{Name: "欧阳喆", NameLatin: "Ouyang Zhe", City: "杭州", Bio: "=1+1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Contributions.Create(app.Contribution{MemberID: m.ID, Kind: "talk_conference", Date: "2025-05-01", Status: app.StatusApproved}); err != nil {
		t.Fatal(err)
	}
	other, err := st.CreateMember(app.Member{Name: tricky, City: "北京"}, app.Change{Actor: "import", At: apptest.Start})
	if err != nil {
		t.Fatal(err)
	}
	pending, err := svc.Contributions.Create(app.Contribution{MemberID: other.ID, Kind: "article", Date: "2026-01-02", Evidence: `C:\稿件\`})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Levels.PublishBatch("2025-Q2"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Certificates.ForBatch("2025-Q2"); err != nil {
		t.Fatal(err)
	}
	return &chapter{svc: svc, st: st, other: other, pending: pending}
}

// query runs a one-value query on dsn.
func query[T any](t *testing.T, dsn, q string, args ...any) T {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var v T
	if err := conn.QueryRow(ctx, q, args...).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// counts are the rows of each exported table in the database.
func counts(t *testing.T, dsn string, tables []app.DataTable) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, d := range tables {
		out[d.Name] = query[int](t, dsn, "SELECT count(*) FROM acedesk."+d.Name)
	}
	return out
}

func wantCounts(tables []app.DataTable) map[string]int {
	out := map[string]int{}
	for _, d := range tables {
		out[d.Name] = len(d.Rows)
	}
	return out
}

func memberName(t *testing.T, dsn string, id uint64) string {
	t.Helper()
	return query[string](t, dsn, "SELECT name FROM acedesk.members WHERE id = $1", int64(id))
}

func sameCounts(a, b map[string]int) bool { return fmt.Sprint(a) == fmt.Sprint(b) }

// rename changes the tricky member's name, as a later edit would.
func (c *chapter) rename(t *testing.T, name string) {
	t.Helper()
	m, err := c.st.GetMember(c.other.ID)
	if err != nil {
		t.Fatal(err)
	}
	m.Name = name
	if _, err := c.st.UpdateMember(m, "update", app.Change{Actor: "lead", At: apptest.Start}); err != nil {
		t.Fatal(err)
	}
}

// newLoad is an empty database and a chapter's tables to load into it.
func newLoad(t *testing.T) (string, *chapter, []app.DataTable) {
	t.Helper()
	dsn := apptest.PGDatabase(t)
	c := newChapter(t)
	tables, err := c.svc.Exporter.Tables(2026)
	if err != nil {
		t.Fatal(err)
	}
	return dsn, c, tables
}

// loadScript exports the SQL script and loads it with psql, as
// headquarters would; it returns what psql printed.
func (c *chapter) loadScript(t *testing.T, dsn string) string {
	t.Helper()
	out, err := c.psql(t, dsn, 2026)
	if err != nil {
		t.Fatalf("psql: %v\n%s", err, out)
	}
	return out
}

// psql loads the SQL script of year's standings with psql and returns
// what it printed.
func (c *chapter) psql(t *testing.T, dsn string, year int) (string, error) {
	t.Helper()
	script := filepath.Join(t.TempDir(), "acedesk.sql")
	f, err := os.Create(script)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.svc.Exporter.Write(context.Background(), f, service.ExportOptions{Format: "sql", Year: year}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out, err := exec.Command("psql", "-X", "-v", "ON_ERROR_STOP=1", "-f", script, dsn).CombinedOutput()
	return string(out), err
}

// source is the chapter's name for itself in PostgreSQL.
func (c *chapter) source(t *testing.T) string {
	t.Helper()
	source, err := c.svc.Exporter.Source()
	if err != nil {
		t.Fatal(err)
	}
	return source
}

func TestPGScriptLoadsTwiceWithPsqlAndUpdates(t *testing.T) {
	dsn, c, tables := newLoad(t)
	load := func() { c.loadScript(t, dsn) }
	load()
	if got, want := counts(t, dsn, tables), wantCounts(tables); !sameCounts(got, want) {
		t.Errorf("after one load: %v, want %v", got, want)
	}
	load()
	if got, want := counts(t, dsn, tables), wantCounts(tables); !sameCounts(got, want) {
		t.Errorf("after loading twice: %v, want %v", got, want)
	}
	if got := memberName(t, dsn, c.other.ID); got != tricky {
		t.Errorf("name = %q, want %q", got, tricky)
	}
	c.rename(t, tricky+" 改")
	load()
	if got := memberName(t, dsn, c.other.ID); got != tricky+" 改" {
		t.Errorf("after renaming: %q", got)
	}
}

func TestPGPushTwiceChangesNothingTheSecondTime(t *testing.T) {
	dsn, c, tables := newLoad(t)
	push := func() []pgpush.Loaded {
		t.Helper()
		var steps []int
		_, loaded, err := pgpush.Push(context.Background(), dsn, "", c.source(t), tables, func(done, total int) { steps = append(steps, done) })
		if err != nil {
			t.Fatal(err)
		}
		if len(steps) != len(tables)+1 || steps[len(steps)-1] != len(tables) {
			t.Errorf("progress steps = %v", steps)
		}
		return loaded
	}
	for _, l := range push() {
		if l.Changed != int64(l.Rows) {
			t.Errorf("first push, %s: %d of %d rows written", l.Table, l.Changed, l.Rows)
		}
	}
	for _, l := range push() {
		if l.Changed != 0 || l.Deleted != 0 {
			t.Errorf("second push, %s: %d rows written and %d deleted, want none", l.Table, l.Changed, l.Deleted)
		}
	}
	if got, want := counts(t, dsn, tables), wantCounts(tables); !sameCounts(got, want) {
		t.Errorf("rows = %v, want %v", got, want)
	}
	if got := memberName(t, dsn, c.other.ID); got != tricky {
		t.Errorf("name = %q, want %q", got, tricky)
	}
	c.rename(t, "改名")
	var err error
	if tables, err = c.svc.Exporter.Tables(2026); err != nil {
		t.Fatal(err)
	}
	changed := map[string]int64{}
	for _, l := range push() {
		changed[l.Table] = l.Changed
	}
	// The name is copied into the standings too.
	if changed["members"] != 1 || changed["standings"] != 1 || changed["contributions"] != 0 {
		t.Errorf("after renaming, rows written = %v", changed)
	}
	if got := memberName(t, dsn, c.other.ID); got != "改名" {
		t.Errorf("after renaming: %q", got)
	}
}

func TestPGScriptAndPushAgree(t *testing.T) {
	dsn, c, tables := newLoad(t)
	if _, _, err := pgpush.Push(context.Background(), dsn, "", c.source(t), tables, func(int, int) {}); err != nil {
		t.Fatal(err)
	}
	// A script loaded over a pushed database finds nothing to change.
	got := scriptCounts(t, c.loadScript(t, dsn), tables)
	for _, d := range tables {
		if got[d.Name] != (counted{}) {
			t.Errorf("the script changed rows the push wrote, %s: %+v", d.Name, got[d.Name])
		}
	}
}

func TestPGPushWithAWrongPasswordDoesNotPrintIt(t *testing.T) {
	dsn := apptest.PGDatabase(t)
	u, _ := url.Parse(dsn)
	u.User = url.UserPassword(u.User.Username(), "wrong-Secret-42")
	_, _, err := pgpush.Push(context.Background(), u.String(), "", "", nil, func(int, int) {})
	if err == nil {
		t.Fatal("a wrong password was accepted: is the server's host authentication trust?")
	}
	if strings.Contains(err.Error(), "wrong-Secret-42") {
		t.Errorf("the error shows the password: %v", err)
	}
}
