//go:build !windows && !darwin

package cli

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestServeOpenShowsTheAddressInTheBrowser(t *testing.T) {
	// A stand-in xdg-open that notes the address it was given.
	bin := t.TempDir()
	opened := filepath.Join(bin, "opened")
	script := "#!/bin/sh\nprintf '%s' \"$1\" > " + opened + ".tmp && mv " + opened + ".tmp " + opened + "\n"
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
			Assets: fstest.MapFS{"index.html": {Data: []byte("<title>ACE Desk</title>")}}, Interrupt: interrupt,
		})
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, pr)
	url := strings.TrimSpace(line[strings.Index(line, "http://"):])
	var got []byte
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if got, err = os.ReadFile(opened); err == nil {
			break
		}
	}
	close(interrupt)
	if code := <-done; code != ExitOK {
		t.Errorf("serve exit = %d, want 0", code)
	}
	if string(got) != url {
		t.Errorf("the browser was asked for %q, want %q", got, url)
	}
}
