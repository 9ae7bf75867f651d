package service_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// fakeDesktop answers the save dialog with a set path and records what the
// viewer was asked to open, without launching anything.
type fakeDesktop struct {
	answer  string
	dialErr error
	openErr error
	offered []string
	opened  []string
}

func (d *fakeDesktop) SaveDialog(name string) (string, error) {
	d.offered = append(d.offered, name)
	return d.answer, d.dialErr
}

func (d *fakeDesktop) Open(path string) error {
	d.opened = append(d.opened, path)
	return d.openErr
}

func TestSaveFileAndOpenOnlyWhatWasSaved(t *testing.T) {
	p := newProgram(t)
	sys := p.svc.System
	dir := t.TempDir()
	saved := filepath.Join(dir, "trophies.pdf")
	stranger := filepath.Join(dir, "other.pdf")
	if err := os.WriteFile(stranger, []byte("not ours"), 0o600); err != nil {
		t.Fatal(err)
	}

	// Without the desktop window (serve mode, command line) nothing saves or opens.
	if _, err := sys.SaveFile("x.pdf", []byte("%PDF")); reasonOf(err) != "desktop_only" {
		t.Errorf("save without desktop: err = %v, want desktop_only", err)
	}

	d := &fakeDesktop{}
	p.svc.UseDesktop(d)
	// A cancelled dialog is no error and writes nothing.
	if got, err := sys.SaveFile("trophies.pdf", []byte("%PDF")); got != "" || err != nil {
		t.Errorf("cancelled: (%q, %v), want (\"\", nil)", got, err)
	}
	d.dialErr = errors.New("no display")
	if _, err := sys.SaveFile("trophies.pdf", []byte("%PDF")); err == nil {
		t.Error("a failing dialog: no error")
	}
	d.dialErr = nil

	d.answer = saved
	got, err := sys.SaveFile("../../etc/trophies.pdf", []byte("%PDF-1.4 list"))
	if err != nil || got != saved {
		t.Fatalf("save = (%q, %v), want %q", got, err, saved)
	}
	if want := []string{"trophies.pdf", "trophies.pdf", "trophies.pdf"}; !slices.Equal(d.offered, want) {
		t.Errorf("dialog offered %q, want %q (the name without its folders)", d.offered, want)
	}
	data, err := os.ReadFile(saved)
	if err != nil || string(data) != "%PDF-1.4 list" {
		t.Errorf("saved file = %q, %v", data, err)
	}
	if st, _ := os.Stat(saved); st.Mode().Perm() != 0o600 {
		t.Errorf("saved file mode = %v, want 0600", st.Mode().Perm())
	}

	// The open database is never overwritten, whatever the dialog answers.
	info, err := sys.Info()
	if err != nil {
		t.Fatal(err)
	}
	db, err := os.ReadFile(info.DBPath)
	if err != nil {
		t.Fatal(err)
	}
	d.answer = info.DBPath
	if _, err := sys.SaveFile("trophies.pdf", []byte("%PDF")); reasonOf(err) != "file_is_database" {
		t.Errorf("save over the database: err = %v, want file_is_database", err)
	}
	if after, _ := os.ReadFile(info.DBPath); !bytes.Equal(after, db) {
		t.Error("the database file changed")
	}

	for _, tc := range []struct {
		name, path, reason string
	}{
		{"a file we did not write", stranger, "file_not_saved"},
		{"a URL", "https://example.com/x.pdf", "file_not_saved"},
		{"a command", "calc.exe", "file_not_saved"},
		{"empty", "", "file_not_saved"},
		{"the saved file", saved, ""},
		{"the saved file, spelt longer", filepath.Join(dir, "sub", "..", "trophies.pdf"), ""},
	} {
		err := sys.OpenFile(tc.path)
		if (err == nil) != (tc.reason == "") || (err != nil && reasonOf(err) != tc.reason) {
			t.Errorf("%s: err = %v, want reason %q", tc.name, err, tc.reason)
		}
	}
	if want := []string{saved, saved}; !slices.Equal(d.opened, want) {
		t.Errorf("viewer opened %q, want %q", d.opened, want)
	}

	d.openErr = errors.New("no viewer")
	if err := sys.OpenFile(saved); reasonOf(err) != "file_open" {
		t.Errorf("failing viewer: err = %v, want file_open", err)
	}
}

func TestSaveFileReportsAnUnwritablePlace(t *testing.T) {
	p := newProgram(t)
	d := &fakeDesktop{answer: filepath.Join(t.TempDir(), "missing", "list.xlsx")}
	p.svc.UseDesktop(d)
	if _, err := p.svc.System.SaveFile("list.xlsx", []byte("PK")); reasonOf(err) != "file_write" {
		t.Errorf("err = %v, want file_write", err)
	}
	if err := p.svc.System.OpenFile(d.answer); reasonOf(err) != "file_not_saved" {
		t.Errorf("open the unwritten file: err = %v, want file_not_saved", err)
	}
}
