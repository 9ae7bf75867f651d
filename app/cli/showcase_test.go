package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"acedesk/app/badge"
)

func TestShowcaseHoldsNoContactOfTheDemoData(t *testing.T) {
	db := tempDB(t)
	run(t, db, "demo", "--members", "60")
	list := run(t, db, "members", "list", "--json")
	var members []memberRow
	if err := json.Unmarshal([]byte(list.stdout), &members); err != nil || len(members) != 60 {
		t.Fatalf("members list: %v (%d)", err, len(members))
	}
	dir := t.TempDir()
	files := map[string]string{}
	for _, ext := range []string{"json", "html"} {
		out := filepath.Join(dir, "showcase."+ext)
		if r := run(t, db, "showcase", "--out", out); r.code != ExitOK {
			t.Fatalf("showcase %s: %+v", ext, r)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
			t.Errorf("%s is %v, want 0600", out, fi.Mode().Perm())
		}
		files[ext] = string(data)
	}
	var page struct{ Total int }
	if err := json.Unmarshal([]byte(files["json"]), &page); err != nil || page.Total == 0 {
		t.Fatalf("the demo showcase lists nobody: %v", err)
	}
	listed := 0
	for _, m := range members {
		for ext, data := range files {
			for _, secret := range []string{m.Phone, m.Email} {
				if secret != "" && strings.Contains(data, secret) {
					t.Errorf("the %s showcase holds %q of %s", ext, secret, m.Name)
				}
			}
		}
		if strings.Contains(files["html"], m.Name) {
			listed++
		}
	}
	if listed < page.Total {
		t.Errorf("the HTML names %d members, the JSON counts %d holders", listed, page.Total)
	}
	for _, args := range [][]string{{"showcase"}, {"showcase", "--out", filepath.Join(dir, "x.pdf")}} {
		if r := run(t, db, args...); r.code != ExitUsage {
			t.Errorf("%v: exit %d, want usage", args, r.code)
		}
	}
	if r := run(t, db, "showcase", "--year", "1999", "--out", filepath.Join(dir, "x.json")); r.code != ExitError {
		t.Errorf("year 1999: %+v", r)
	}
}

func TestBadgeWritesVerifiableCredentials(t *testing.T) {
	db := tempDB(t)
	run(t, db, "demo", "--members", "60")
	batch := fmt.Sprintf("%d-Q4", today.Year()-1)
	dir := t.TempDir()
	if r := run(t, db, "badge", "--batch", batch, "--out", dir); r.code != ExitError || !strings.Contains(r.stderr, "certs --batch") {
		t.Errorf("badges before any certificate: %+v", r)
	}
	run(t, db, "setup", "--chapter", "HZ")
	certs := run(t, db, "certs", "--batch", batch, "--out", filepath.Join(dir, "batch.pdf"))
	lines := strings.Split(strings.TrimSpace(certs.stdout), "\n")
	serial, _, _ := strings.Cut(lines[0], "\t")
	out := filepath.Join(dir, "badges")
	if r := run(t, db, "badge", "--batch", batch, "--out", out); r.code != ExitOK ||
		!strings.Contains(r.stdout, fmt.Sprintf("%d badges written", len(lines)-1)) {
		t.Fatalf("badge --batch: %+v", r)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != len(lines)-1 {
		t.Fatalf("%d files for %d certificates", len(entries), len(lines)-1)
	}
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(out, e.Name()))
		if _, err := badge.Verify(data); err != nil {
			t.Errorf("%s: %v", e.Name(), err)
		}
	}
	one := filepath.Join(dir, "one.json")
	if r := run(t, db, "badge", "--serial", serial, "--out", one); r.code != ExitOK {
		t.Fatalf("badge --serial: %+v", r)
	}
	a, _ := os.ReadFile(one)
	b, _ := os.ReadFile(filepath.Join(out, serial+".openbadge.json"))
	if string(a) != string(b) {
		t.Errorf("the single export differs from the batch's")
	}
	for _, args := range [][]string{{"badge", "--out", one}, {"badge", "--serial", serial}, {"badge", "--serial", serial, "--batch", batch, "--out", one}} {
		if r := run(t, db, args...); r.code != ExitUsage {
			t.Errorf("%v: exit %d, want usage", args, r.code)
		}
	}
	if r := run(t, db, "badge", "--serial", "PGACE-1999-CN-000001", "--out", one); r.code != ExitError {
		t.Errorf("unknown serial: %+v", r)
	}
}
