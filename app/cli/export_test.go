package cli

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"acedesk/app/apptest"
)

func TestExportCommandWritesEachFormat(t *testing.T) {
	db := tempDB(t)
	if r := run(t, db, "demo", "--members", "30"); r.code != ExitOK {
		t.Fatalf("demo: %+v", r)
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		format, file, start string
	}{
		{"xlsx", "a.xlsx", "PK\x03\x04"},
		{"csv", "a.zip", "PK\x03\x04"},
		{"sql", "a.sql", "-- ACE Desk data for PostgreSQL"},
	} {
		out := filepath.Join(dir, tc.file)
		if r := run(t, db, "export", "--format", tc.format, "--out", out, "--year", "2026"); r.code != ExitOK || !strings.Contains(r.stdout, "wrote "+out) {
			t.Fatalf("export %s: %+v", tc.format, r)
		}
		data, err := os.ReadFile(out)
		if err != nil || !bytes.HasPrefix(data, []byte(tc.start)) {
			t.Errorf("%s starts %.40q, %v", tc.file, data, err)
		}
		if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600", tc.file, fi.Mode().Perm())
		}
	}

	kept := filepath.Join(dir, "a.sql")
	before, _ := os.ReadFile(kept)
	for _, tc := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"export", "--format", "docx", "--out", kept}, ExitError, `no export format "docx"`},
		{[]string{"export", "--format", "sql", "--out", kept, "--year", "1999"}, ExitError, "1999 is not a year"},
		{[]string{"export", "--format", "sql"}, ExitUsage, "--format and --out are required"},
		{[]string{"export", "--format", "sql", "--changes", "--out", kept}, ExitUsage, "--changes goes with --format bundle"},
		{[]string{"pg-push"}, ExitUsage, "--dsn"},
	} {
		if r := run(t, db, tc.args...); r.code != tc.code || !strings.Contains(r.stderr, tc.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want %d with %q", tc.args, r.code, r.stderr, tc.code, tc.stderr)
		}
	}
	if after, _ := os.ReadFile(kept); !bytes.Equal(before, after) {
		t.Error("a failed export changed the file already there")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestPGPushCommandTwiceAndNoPasswordShown(t *testing.T) {
	dsn := apptest.PGDatabase(t)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	password, _ := u.User.Password()
	db := tempDB(t)
	if r := run(t, db, "demo", "--members", "40"); r.code != ExitOK {
		t.Fatalf("demo: %+v", r)
	}
	first := run(t, db, "pg-push", "--dsn", dsn, "--year", "2026")
	second := run(t, db, "pg-push", "--dsn", dsn, "--year", "2026")
	for _, r := range []result{first, second} {
		if r.code != ExitOK || !strings.Contains(r.stdout, "loaded into acedesk@127.0.0.1:") {
			t.Fatalf("pg-push: %+v", r)
		}
		if strings.Contains(r.stdout+r.stderr, password) {
			t.Errorf("the output shows the password:\n%s%s", r.stdout, r.stderr)
		}
	}
	members := regexp.MustCompile(`members +(\d+) rows, +(\d+) inserted or changed, +(\d+) deleted`)
	if m := members.FindStringSubmatch(first.stdout); m == nil || m[1] != "40" || m[2] != "40" || m[3] != "0" {
		t.Errorf("first push:\n%s", first.stdout)
	}
	if n := strings.Count(second.stdout, " 0 inserted or changed,       0 deleted"); n != 6 {
		t.Errorf("second push changed rows:\n%s", second.stdout)
	}
	u.User = url.UserPassword(u.User.Username(), "not-the-Password-7")
	bad := run(t, db, "pg-push", "--dsn", u.String())
	if bad.code != ExitError || strings.Contains(bad.stdout+bad.stderr, "not-the-Password-7") || !strings.Contains(bad.stderr, "load into PostgreSQL acedesk@127.0.0.1") {
		t.Errorf("wrong password: %+v", bad)
	}
	other := tempDB(t)
	if r := run(t, other, "demo", "--members", "5"); r.code != ExitOK {
		t.Fatalf("demo: %+v", r)
	}
	if r := run(t, other, "pg-push", "--dsn", dsn); r.code != ExitError || !strings.Contains(r.stderr, "holds the data of another ACE Desk database") ||
		!strings.Contains(r.stderr, "DROP SCHEMA acedesk CASCADE") {
		t.Errorf("another database's push: %+v", r)
	}
}
