package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestCertsCommandPrintsAndVerifies(t *testing.T) {
	db := tempDB(t)
	run(t, db, "demo", "--members", "60")
	dir := t.TempDir()
	out := filepath.Join(dir, "batch.pdf")
	batch := fmt.Sprintf("%d-Q4", today.Year()-1)
	if r := run(t, db, "certs", "--batch", batch, "--out", out); r.code != ExitError || !strings.Contains(r.stderr, "acedesk setup --chapter") {
		t.Errorf("certs before the chapter code is set: %+v", r)
	}
	if r := run(t, db, "setup", "--chapter", "HZ", "--operator", "王玥"); r.code != ExitOK || !strings.Contains(r.stdout, "HZ") || !strings.Contains(r.stdout, "王玥") {
		t.Fatalf("setup: %+v", r)
	}
	first := run(t, db, "certs", "--batch", batch, "--out", out)
	if first.code != ExitOK {
		t.Fatalf("certs: %+v", first)
	}
	lines := strings.Split(strings.TrimSpace(first.stdout), "\n")
	serial, name, _ := strings.Cut(lines[0], "\t")
	name, _, _ = strings.Cut(name, "\t")
	text, err := exec.Command("pdftotext", out, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (Debian poppler-utils): %v", err)
	}
	if !strings.Contains(string(text), serial) || !strings.Contains(string(text), name) {
		t.Errorf("the PDF lacks %s %s", serial, name)
	}
	if v := run(t, db, "verify", out); v.code != ExitOK || !strings.Contains(v.stdout, "VALID") {
		t.Errorf("verify the printed PDF: %+v", v)
	}
	split := filepath.Join(dir, "one-each")
	again := run(t, db, "certs", "--batch", batch, "--split", split)
	if again.code != ExitOK || !strings.Contains(again.stdout, serial+"\t"+name) || strings.Contains(again.stdout, "reprint") {
		t.Errorf("one file each, for sending: %+v", again)
	}
	if paper := run(t, db, "certs", "--batch", batch, "--out", out); !strings.Contains(paper.stdout, serial+"\t"+name) || !strings.Contains(paper.stdout, "(reprint: paper 2)") {
		t.Errorf("a second paper: %+v", paper)
	}
	if files, _ := os.ReadDir(split); len(files) != len(lines)-1 {
		t.Errorf("split wrote %d files for %d certificates", len(files), len(lines)-1)
	}
	for _, args := range [][]string{
		{"certs", "--batch", batch},
		{"certs", "--out", out},
		{"certs", "--batch", batch, "--member", "13800000000", "--out", out},
	} {
		if r := run(t, db, args...); r.code != ExitUsage {
			t.Errorf("%v: exit %d, want usage", args, r.code)
		}
	}
	if r := run(t, db, "certs", "--member", "13000000000", "--out", out); r.code != ExitError {
		t.Errorf("unknown phone: %+v", r)
	}
}
