package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"acedesk/app/web"
)

// The program's one log is a file beside the database, readable by the
// user only: the internal errors of any transport and any job go there,
// and Settings → About shows where it is.
func TestOpenLogsBesideTheDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hz.db")
	s, err := open(db, nil, fstest.MapFS{})
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Services.System.Info()
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(filepath.Dir(db), "hz.log")
	if info.LogPath != want {
		t.Errorf("Info().LogPath = %q, want %q", info.LogPath, want)
	}
	web.FormatError(errors.New("pdf: render: disk full, member 13812345678"), s.Log, "desktop")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(want)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("log mode = %v, want 0600", st.Mode().Perm())
	}
	data, _ := os.ReadFile(want)
	if got := string(data); !strings.Contains(got, "disk full") || strings.Contains(got, "13812345678") {
		t.Errorf("log = %q, want the error without the phone", got)
	}
}
