package service

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// OpenInViewer really starts xdg-open: a stand-in first on PATH writes the
// argument it got into a FIFO, and reading the FIFO waits for it.
func TestOpenInViewerStartsXdgOpenWithThePathAsOneArgument(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "got")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	script := "#!/bin/sh\nprintf '%s|%s' \"$#\" \"$1\" > " + fifo + "\n"
	if err := os.WriteFile(filepath.Join(dir, "xdg-open"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	path := filepath.Join(dir, "奖杯 清单; rm -rf x.pdf")
	if err := OpenInViewer(path); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(fifo)
	if err != nil {
		t.Fatal(err)
	}
	if want := "1|" + path; strings.TrimSpace(string(got)) != want {
		t.Errorf("xdg-open got %q, want %q", got, want)
	}
}
