//go:build !windows && !darwin

package cli

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestServeOpenShowsTheAddressInTheBrowser(t *testing.T) {
	// A stand-in xdg-open that writes the address it was given into a
	// pipe the test reads: the read waits for it.
	bin := t.TempDir()
	opened := filepath.Join(bin, "opened")
	if err := syscall.Mkfifo(opened, 0o600); err != nil {
		t.Fatal(err)
	}
	script := "#!/bin/sh\nprintf '%s' \"$1\" > " + opened + "\n"
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	db := tempDB(t)
	pr, pw := io.Pipe()
	interrupt := make(chan struct{})
	done := make(chan int)
	go func() {
		done <- Run([]string{"serve", "--open", "--listen", "127.0.0.1:0"}, Env{
			Stdout: pw, Stderr: io.Discard, Getenv: func(string) string { return db },
			Open: openSession, Clock: clock, Interrupt: interrupt,
		})
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, pr)
	url := strings.TrimSpace(line[strings.Index(line, "http://"):])
	got, err := os.ReadFile(opened)
	if err != nil {
		t.Fatal(err)
	}
	close(interrupt)
	if code := <-done; code != ExitOK {
		t.Errorf("serve exit = %d, want 0", code)
	}
	if string(got) != url {
		t.Errorf("the browser was asked for %q, want %q", got, url)
	}
}
