package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest/wired"
	"acedesk/app/bundle"
	"acedesk/app/service"
	"acedesk/store"
)

// chapterDB is a demo database whose certificate setup names code.
func chapterDB(t *testing.T, code string) string {
	t.Helper()
	db := tempDB(t)
	if r := run(t, db, "demo", "--members", "40"); r.code != ExitOK {
		t.Fatalf("demo: %+v", r)
	}
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	setup := app.DefaultCertificateSetup()
	setup.ChapterCode = code
	if _, err := service.New(st, clock, "lead", wired.Ports()).Certificates.SaveSetup(setup); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestExportThenMergeCommands(t *testing.T) {
	chapter, hq := chapterDB(t, "HZ"), tempDB(t)
	dir := t.TempDir()
	bundlePath := filepath.Join(dir, "hz.acebundle")
	r := run(t, chapter, "export", "--format", "bundle", "--out", bundlePath)
	if r.code != ExitOK || !strings.Contains(r.stdout, "full bundle of chapter HZ") {
		t.Fatalf("export: %+v", r)
	}
	if st, err := os.Stat(bundlePath); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("bundle file: %v, %v; want mode 0600", st, err)
	}
	data, _ := os.ReadFile(bundlePath)
	broken := filepath.Join(dir, "broken.acebundle")
	os.WriteFile(broken, data[:len(data)/2], 0o600)

	// A chapter merged for the first time waits for its key to be
	// confirmed: the refusal names its fingerprint and how to accept it.
	key := run(t, chapter, "key")
	r = run(t, hq, "merge", bundlePath)
	_, fp, _ := strings.Cut(key.stdout, "fingerprint:")
	fp, _, _ = strings.Cut(strings.TrimSpace(fp), "\n")
	if r.code != ExitError || !strings.Contains(r.stderr, fp) || !strings.Contains(r.stderr, "acedesk merge --accept-key HZ "+bundlePath) {
		t.Fatalf("merging a new chapter without --accept-key: %+v; want a refusal naming %s", r, fp)
	}
	conflicts := filepath.Join(dir, "conflicts.xlsx")
	r = run(t, hq, "merge", broken, bundlePath, "--accept-key", "HZ", "--conflicts", conflicts, "--json")
	if r.code != ExitError {
		t.Fatalf("merge with a broken bundle: exit %d, want 1; %s", r.code, r.stderr)
	}
	var outcomes []service.MergeOutcome
	if err := json.Unmarshal([]byte(r.stdout), &outcomes); err != nil {
		t.Fatal(err)
	}
	if len(outcomes) != 2 || outcomes[0].Error == nil || outcomes[0].Error.Reason != bundle.BundleTruncated ||
		outcomes[1].Result == nil || outcomes[1].Result.Counts[0].Added != 40 {
		t.Fatalf("outcomes = %s", r.stdout)
	}
	if _, err := os.Stat(conflicts); err != nil {
		t.Errorf("conflicts file: %v", err)
	}
	r = run(t, hq, "merge", bundlePath)
	if r.code != ExitOK || !strings.Contains(r.stdout, "chapter HZ") || !strings.Contains(r.stdout, "0 conflict(s)") {
		t.Errorf("merging again: %+v", r)
	}
	r = run(t, hq, "members", "list", "--json")
	var rows []memberRow
	json.Unmarshal([]byte(r.stdout), &rows)
	if len(rows) != 40 {
		t.Errorf("members at headquarters = %d, want 40", len(rows))
	}
	r = run(t, chapter, "export", "--format", "bundle", "--changes", "--out", filepath.Join(dir, "changes.acebundle"))
	if r.code != ExitOK || !strings.Contains(r.stdout, "changes bundle") {
		t.Errorf("changes export: %+v", r)
	}
	r = run(t, hq, "merge", broken)
	if r.code != ExitError || !strings.Contains(r.stderr, "broken.acebundle refused, nothing merged") {
		t.Errorf("merging only a broken bundle: %+v", r)
	}
}

func TestBundleCommandUsage(t *testing.T) {
	db := tempDB(t)
	for _, args := range [][]string{
		{"export", "--out", "x.acebundle"}, {"export", "--format", "bundle"}, {"merge"},
		{"merge", "a.acebundle", "--conflicts", "c.csv"},
	} {
		if r := run(t, db, args...); r.code != ExitUsage {
			t.Errorf("%v: exit %d, want 2", args, r.code)
		}
	}
}
