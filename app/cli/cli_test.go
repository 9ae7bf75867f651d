package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/app/apptest/wired"
	"acedesk/app/control"
	"acedesk/app/service"
	"acedesk/app/web"
	"acedesk/store"
)

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, db string, args ...string) result {
	t.Helper()
	return runOn(t, db, clock, args...)
}

// runOn runs a command on the day clk gives.
func runOn(t *testing.T, db string, clk app.Clock, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, Env{
		Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string {
			if k == "ACEDESK_DB" {
				return db
			}
			return ""
		},
		Open: opener(clk), Restore: restore, Clock: clk, LogPath: func(db string) string { return db + ".log" },
		Desktop: func(*Session, error) int { t.Fatal("desktop started"); return 0 },
	})
	return result{code, out.String(), errb.String()}
}

func tempDB(t *testing.T) string { return filepath.Join(t.TempDir(), "acedesk.db") }

// today is the day every command-line test runs on (see apptest.Shifted).
var (
	today = time.Date(2026, 6, 15, 10, 0, 0, 0, time.UTC)
	clock = apptest.NewShifted(today)
)

// page stands in for the built frontend that serve hands out.
var page = fstest.MapFS{"index.html": {Data: []byte("<title>ACE Desk</title>")}}

// openSession is the Open main.go wires, over the test's parts.
var openSession = opener(clock)

// opener is openSession on the day clk gives.
func opener(clk app.Clock) func(string, io.Writer) (*Session, error) {
	return func(path string, echo io.Writer) (*Session, error) {
		st, err := store.Open(path, store.Options{})
		if err != nil {
			return nil, err
		}
		ports := wired.Ports()
		if echo != nil {
			ports.Log = slog.New(slog.NewTextHandler(echo, nil))
		}
		svc := service.New(st, clk, "tester", ports)
		hub := web.NewHub(web.Config{Services: svc, Repo: st, Clock: clk, Codes: ports.Codes, Assets: page, Logger: ports.Log})
		return &Session{DB: st, Services: svc, Hub: hub, Log: ports.Log}, nil
	}
}

// restore is the restore main.go wires.
func restore(db, from string) (string, error) { return store.Restore(db, from, app.SystemClock{}) }

func TestUsageErrorsExitTwo(t *testing.T) {
	db := tempDB(t)
	for _, args := range [][]string{
		{"frobnicate"}, {"demo", "--bogus"}, {"members"}, {"members", "show"}, {"members", "list", "--nope"},
		{"backup"}, {"restore", "a", "b"}, {"demo", "--members", "many"}, {"serve", "--listen", "nonsense"},
		{"decide"}, {"decide", "fire", "--member", "13800000001"}, {"decide", "grant", "--reason", "why"},
		{"settings"}, {"settings", "get", "colour"}, {"settings", "set", "operator"}, {"holders", "--year", "soon"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := run(t, db, args...)
			if r.code != ExitUsage || !strings.Contains(r.stderr, "Usage:") {
				t.Errorf("exit %d, stderr %q; want 2 with usage", r.code, r.stderr)
			}
		})
	}
}

func TestDemoThenListAsJSON(t *testing.T) {
	db := tempDB(t)
	if r := run(t, db, "demo"); r.code != ExitOK {
		t.Fatalf("demo: %+v", r)
	}
	r := run(t, db, "members", "list", "--json")
	if r.code != ExitOK {
		t.Fatalf("list: %+v", r)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 300 {
		t.Fatalf("rows = %d, want 300", len(rows))
	}
	for _, key := range []string{"id", "name", "name_latin", "phone", "email", "city", "organization", "org_category"} {
		if _, ok := rows[0][key]; !ok {
			t.Errorf("row has no %q: %v", key, rows[0])
		}
	}
	if st, _ := os.Stat(db); st.Mode().Perm() != 0o600 {
		t.Errorf("database mode = %o, want 600", st.Mode().Perm())
	}
	again := run(t, db, "demo", "--members", "5")
	if again.code != ExitError || !strings.Contains(again.stderr, "300 members") {
		t.Errorf("demo on a full database: %+v", again)
	}
	text := run(t, db, "members", "list")
	if text.code != ExitOK || strings.Count(text.stdout, "\n") != 301 {
		t.Errorf("text list: exit %d, %d lines", text.code, strings.Count(text.stdout, "\n"))
	}
}

func TestDBFlagWinsOverEnvironment(t *testing.T) {
	env, flag := tempDB(t), tempDB(t)
	run(t, env, "demo", "--members", "3", "--db", flag)
	if _, err := os.Stat(env); err == nil {
		t.Error("the ACEDESK_DB file was created despite --db")
	}
	if r := run(t, env, "members", "list", "--json", "--db", flag); !strings.Contains(r.stdout, "name_latin") {
		t.Errorf("--db file has no members: %+v", r)
	}
}

func TestDBFlagMayComeBeforeTheCommand(t *testing.T) {
	env, flag := tempDB(t), tempDB(t)
	for _, args := range [][]string{
		{"--db", flag, "demo", "--members", "3"},
		{"--db=" + flag, "members", "list", "--json"},
	} {
		if r := run(t, env, args...); r.code != ExitOK {
			t.Fatalf("%q: %+v", args, r)
		}
	}
	r := run(t, env, "members", "list", "--json", "--db", flag)
	var rows []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil || len(rows) != 3 {
		t.Errorf("--db file: %d rows, %v; want 3", len(rows), err)
	}
	if _, err := os.Stat(env); err == nil {
		t.Error("the ACEDESK_DB file was created despite --db")
	}
}

func TestNoCommandWritesOverItsDatabase(t *testing.T) {
	db := tempDB(t)
	if r := run(t, db, "demo", "--members", "3"); r.code != ExitOK {
		t.Fatalf("demo: %+v", r)
	}
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"export", "--format", "sql", "--out", db},
		{"export", "--format", "bundle", "--out", db},
		{"showcase", "--out", db},
		{"merge", "x.acebundle", "--conflicts", db},
	} {
		r := run(t, db, args...)
		if r.code != ExitUsage || !strings.Contains(r.stderr, "is the database ACE Desk has open") {
			t.Errorf("%q: %+v, want exit 2 naming the database", args, r)
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, before) {
		t.Error("the database changed")
	}
}

func TestUsageErrorNamesTheProblemOnce(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--bogus"}, "acedesk: flag provided but not defined: -bogus\n"},
		{[]string{"--db", "x.db", "frobnicate"}, "acedesk: unknown command: frobnicate\n"},
		{[]string{"backup", "a", "b"}, "acedesk: backup: expected 1 argument(s), got 2\n"},
		{[]string{"merge"}, "acedesk: merge: expected at least one argument\n"},
	}
	for _, tt := range tests {
		r := run(t, tempDB(t), tt.args...)
		got, _, _ := strings.Cut(r.stderr, "ACE Desk —")
		if r.code != ExitUsage || got != tt.want {
			t.Errorf("%q: exit %d, first line %q; want 2, %q", tt.args, r.code, got, tt.want)
		}
	}
}

func TestSecondInstanceGetsExitThreeAndOneLine(t *testing.T) {
	db := tempDB(t)
	holder, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	r := run(t, db, "members", "list")
	if r.code != ExitLocked || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 || !strings.Contains(r.stderr, "another ACE Desk") {
		t.Errorf("got %+v, want exit 3 and one line", r)
	}
	var gotErr error
	code := Run(nil, Env{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return db }, Open: openSession, Clock: clock,
		Desktop: func(s *Session, err error) int { gotErr = err; return 3 }})
	if code != ExitLocked || gotErr != app.ErrDatabaseLocked {
		t.Errorf("desktop on a locked file: exit %d, openErr %v", code, gotErr)
	}
}

func TestServeRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:8080", "192.168.1.10:8080", "[::]:8080", ":8080"} {
		r := run(t, tempDB(t), "serve", "--listen", addr)
		if r.code != ExitUsage || !strings.Contains(r.stderr, "loopback") {
			t.Errorf("serve %s: %+v", addr, r)
		}
	}
}

func TestServeAnswersThenStopsOnInterrupt(t *testing.T) {
	db := tempDB(t)
	pr, pw := io.Pipe()
	interrupt := make(chan struct{})
	done := make(chan int)
	go func() {
		done <- Run([]string{"serve", "--listen", "127.0.0.1:0"}, Env{
			Stdout: pw, Stderr: io.Discard, Getenv: func(string) string { return db },
			Open: openSession, Clock: clock, Interrupt: interrupt,
		})
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	// The printed address carries the launch key; without it this
	// computer's other accounts get no session.
	url, key, found := strings.Cut(strings.TrimSpace(line[strings.Index(line, "http://"):]), "?key=")
	if !found || len(key) < 40 {
		t.Fatalf("serve printed %q, want the address with its key", line)
	}
	go io.Copy(io.Discard, pr)
	if resp, err := http.Get(url + "api/session"); err != nil || resp.StatusCode != 401 {
		t.Fatalf("the session without the key: %v, %v; want 401", resp, err)
	}
	sessionReq, _ := http.NewRequest("GET", url+"api/session", nil)
	sessionReq.Header.Set("Authorization", "Bearer "+key)
	resp, err := http.DefaultClient.Do(sessionReq)
	if err != nil {
		t.Fatal(err)
	}
	var session struct{ CSRF string }
	json.NewDecoder(resp.Body).Decode(&session)
	resp.Body.Close()
	req, _ := http.NewRequest("POST", url+"api/call/service.SystemService.Info", strings.NewReader("[]"))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", session.CSRF)
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), fmt.Sprintf(`"schema_version":%d`, store.CurrentSchema())) {
		t.Errorf("info: %d %s", resp.StatusCode, body)
	}
	close(interrupt)
	if code := <-done; code != ExitOK {
		t.Errorf("serve exit = %d, want 0", code)
	}
}

func TestBackupWhileAnotherProcessHoldsTheDatabase(t *testing.T) {
	db := tempDB(t)
	run(t, db, "demo", "--members", "25")
	holder, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "hot.db")
	if r := run(t, db, "backup", target); r.code != ExitLocked {
		t.Fatalf("backup with no control socket: %+v, want exit 3", r)
	}
	srv, err := control.Listen(db, holder.BackupToFile)
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, db, "backup", target)
	srv.Close()
	holder.Close()
	if r.code != ExitOK {
		t.Fatalf("hot backup: %+v", r)
	}
	if err := store.Validate(target); err != nil {
		t.Fatalf("hot backup is not a valid database: %v", err)
	}
	copyStore, _ := store.Open(target, store.Options{})
	defer copyStore.Close()
	if n, _ := copyStore.CountMembers(); n != 25 {
		t.Errorf("hot backup has %d members, want 25", n)
	}
}

func TestColdBackupAndRestore(t *testing.T) {
	db := tempDB(t)
	run(t, db, "demo", "--members", "10")
	backup := filepath.Join(t.TempDir(), "cold.db")
	if r := run(t, db, "backup", backup); r.code != ExitOK {
		t.Fatalf("backup: %+v", r)
	}
	os.Remove(db)
	run(t, db, "demo", "--members", "3")
	if r := run(t, db, "restore", backup); r.code != ExitOK || !strings.Contains(r.stdout, "kept as") {
		t.Fatalf("restore: %+v", r)
	}
	r := run(t, db, "members", "list", "--json")
	var rows []any
	json.Unmarshal([]byte(r.stdout), &rows)
	if len(rows) != 10 {
		t.Errorf("after restore: %d members, want 10", len(rows))
	}
	bad := filepath.Join(t.TempDir(), "bad.db")
	os.WriteFile(bad, []byte("nope"), 0o600)
	if r := run(t, db, "restore", bad); r.code != ExitError || !strings.Contains(r.stderr, "not an ACE Desk database") {
		t.Errorf("restore garbage: %+v", r)
	}
}

func TestStandingsOfTheDemoYear(t *testing.T) {
	db := tempDB(t)
	run(t, db, "demo", "--members", "120")
	r := run(t, db, "standings", "--year", fmt.Sprint(today.Year()), "--json")
	if r.code != ExitOK {
		t.Fatalf("standings: %+v", r)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Fatal("no standings for the demo year")
	}
	for _, key := range []string{"member_id", "name", "phone", "year", "points", "points_by_kind", "level", "tracks", "reasons"} {
		if _, ok := rows[0][key]; !ok {
			t.Errorf("row has no %q: %v", key, rows[0])
		}
	}
	if bad := run(t, db, "standings", "--year", "soon"); bad.code != ExitUsage {
		t.Errorf("bad year: %+v", bad)
	}
}

func TestFlagsMayFollowArguments(t *testing.T) {
	db := tempDB(t)
	run(t, "", "demo", "--members", "4", "--db", db)
	backup := filepath.Join(t.TempDir(), "b.db")
	if r := run(t, "", "backup", backup, "--db", db); r.code != ExitOK {
		t.Fatalf("backup FILE --db: %+v", r)
	}
	if err := store.Validate(backup); err != nil {
		t.Errorf("backup: %v", err)
	}
	if r := run(t, "", "backup", backup, "extra", "--db", db); r.code != ExitUsage {
		t.Errorf("two arguments: %+v", r)
	}
}

func TestBatchAndRenewCommands(t *testing.T) {
	db := tempDB(t)
	run(t, db, "demo", "--members", "60")
	preview := run(t, db, "batch", "preview", "2026-Q1", "--json")
	if preview.code != ExitOK {
		t.Fatalf("batch preview: %+v", preview)
	}
	var b app.Batch
	if err := json.Unmarshal([]byte(preview.stdout), &b); err != nil {
		t.Fatal(err)
	}
	if b.ID != "2026-Q1" || b.Published {
		t.Errorf("preview = %+v, want unpublished 2026-Q1", b)
	}
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"batch", "preview", "2026-Q9"}, ExitError},
		{[]string{"batch", "send", "2026-Q1"}, ExitUsage},
		{[]string{"batch", "preview"}, ExitUsage},
		{[]string{"renew", "--year", "soon"}, ExitUsage},
		{[]string{"renew", "--year", "2026", "--json"}, ExitOK},
	} {
		if got := run(t, db, tc.args...); got.code != tc.code {
			t.Errorf("%v: exit %d, want %d (%s)", tc.args, got.code, tc.code, got.stderr)
		}
	}
}

func TestImportContributions(t *testing.T) {
	db := tempDB(t)
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	roster := write("roster.csv", "姓名,手机\n张三,13800000001\n李四,13800000002\n")
	if r := run(t, db, "import", "members", roster); r.code != ExitOK {
		t.Fatalf("import members: %+v", r)
	}
	good := write("good.csv", "手机,类型,日期,标题\n13800000001,生态大会演讲,2026-03-05,PG 17\n13800000002,article,2026-04-01,分区表\n")
	bad := write("bad.csv", "手机,类型,日期\n13800000001,article,2026-03-05\n13900000000,article,2026-03-05\n")
	for _, tc := range []struct {
		name  string
		args  []string
		code  int
		lines []string
	}{
		{"a dry run shows each row", []string{"import", "contributions", good, "--dry-run"}, ExitOK,
			[]string{"2    new", "2026-03-05 talk_conference ×1 PG 17: 400 points", "2 new, 0 updated, 0 unchanged, 0 with errors", "nothing was written"}},
		{"a bad row refuses the file", []string{"import", "contributions", bad}, ExitError,
			[]string{"3    error    13900000000  row 3: no member has phone 13900000000", "nothing was written"}},
		{"the import", []string{"import", "contributions", good}, ExitOK,
			[]string{"2 new, 0 updated, 0 unchanged, 0 with errors", "written; the database before the import was kept as"}},
		{"again, unchanged", []string{"import", "contributions", good}, ExitOK, []string{"0 new, 0 updated, 2 unchanged, 0 with errors"}},
		{"no such kind of import", []string{"import", "events", good}, ExitUsage, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, db, tc.args...)
			if r.code != tc.code {
				t.Fatalf("exit %d, want %d: %+v", r.code, tc.code, r)
			}
			for _, l := range tc.lines {
				if !strings.Contains(r.stdout, l) {
					t.Errorf("stdout lacks %q:\n%s", l, r.stdout)
				}
			}
		})
	}
	r := run(t, db, "import", "contributions", good, "--dry-run", "--json")
	var report struct {
		Unchanged int `json:"unchanged"`
		Rows      []struct {
			Contribution struct {
				ID     uint64 `json:"id"`
				Points int    `json:"points"`
			} `json:"contribution"`
		} `json:"rows"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &report); err != nil || report.Unchanged != 2 || report.Rows[0].Contribution.ID == 0 || report.Rows[0].Contribution.Points != 400 {
		t.Errorf("JSON report = %+v, %v", report, err)
	}
	st := run(t, db, "standings", "--year", "2026", "--json")
	if !strings.Contains(st.stdout, `"points": 400`) {
		t.Errorf("standings after the import:\n%s", st.stdout)
	}
}

func TestTrophiesCommand(t *testing.T) {
	db := tempDB(t)
	run(t, db, "demo", "--members", "60")
	dir := t.TempDir()
	xlsx, pdf, bad := filepath.Join(dir, "trophies.xlsx"), filepath.Join(dir, "trophies.pdf"), filepath.Join(dir, "bad.pdf")
	year := today.Year() - 1
	for _, tc := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"trophies", "--batch", fmt.Sprintf("%d-Q4", year)}, ExitUsage, "--out"},
		{[]string{"trophies", "--batch", fmt.Sprintf("%d-Q4", year), "--out", "x.csv"}, ExitUsage, ".pdf or .xlsx"},
		{[]string{"trophies", "--batch", fmt.Sprintf("%d-Q9", year), "--out", bad}, ExitError, "Q9"},
		{[]string{"trophies", "--batch", fmt.Sprintf("%d-Q4", year+1), "--out", bad}, ExitError, "not published"},
		{[]string{"trophies", "--batch", fmt.Sprintf("%d-Q4", year), "--out", xlsx}, ExitOK, ""},
		{[]string{"trophies", "--batch", fmt.Sprintf("%d-Q4", year), "--out", pdf}, ExitOK, ""},
	} {
		got := run(t, db, tc.args...)
		if got.code != tc.code || !strings.Contains(got.stderr, tc.stderr) {
			t.Errorf("%v: exit %d, want %d with %q (%s)", tc.args, got.code, tc.code, tc.stderr, got.stderr)
		}
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Errorf("a failed export left a file: %v", err)
	}
	for _, f := range []string{xlsx, pdf} {
		if st, err := os.Stat(f); err != nil || st.Size() == 0 || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, %v", f, st, err)
		}
	}
	text, err := exec.Command("pdftotext", "-raw", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (Debian poppler-utils): %v", err)
	}
	pages := strings.Split(strings.TrimSuffix(string(text), "\f"), "\f")
	for i, page := range pages {
		if !strings.Contains(page, "姓名 / Name") || !strings.Contains(page, fmt.Sprintf("第 %d 页 / 共 %d 页", i+1, len(pages))) {
			t.Errorf("page %d lacks the header or its number:\n%s", i+1, page)
		}
	}
	if !strings.Contains(pages[len(pages)-1], "合计 / Totals") {
		t.Errorf("no totals on the last page:\n%s", pages[len(pages)-1])
	}
}
