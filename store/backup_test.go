package store

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/app/demo"

	bolt "go.etcd.io/bbolt"
)

func TestBackupRestoreRoundTrip(t *testing.T) {
	s := openTemp(t)
	path := s.Path()
	if err := s.CreateMembersAndContributions(demo.Members(20, 1), nil, change); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "copy.db")
	if err := s.BackupToFile(backup); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(backup); st.Mode().Perm() != FileMode {
		t.Errorf("backup mode = %o, want %o", st.Mode().Perm(), FileMode)
	}
	if _, err := s.CreateMember(app.Member{Name: "后来者", Phone: "13900000009"}, change); err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(path, backup, apptest.NewClock(apptest.Start)); !errors.Is(err, ErrLocked) {
		t.Fatalf("restore while open: err = %v, want ErrLocked", err)
	}
	s.Close()

	previous, err := Restore(path, backup, apptest.NewClock(apptest.Start))
	if err != nil {
		t.Fatal(err)
	}
	restored, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	if got, _ := restored.CountMembers(); got != 20 {
		t.Errorf("members after restore = %d, want 20", got)
	}
	kept, err := Open(previous, Options{})
	if err != nil {
		t.Fatalf("the replaced database was not kept: %v", err)
	}
	defer kept.Close()
	if got, _ := kept.CountMembers(); got != 21 {
		t.Errorf("members in the kept copy = %d, want 21", got)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != FileMode {
		t.Errorf("restored mode = %o, want %o", st.Mode().Perm(), FileMode)
	}
}

// A backup over the open database would swap the file under the running
// app, which would go on writing to the one no longer there.
func TestBackupOntoTheDatabaseItselfIsRefused(t *testing.T) {
	s := openTemp(t)
	if err := s.CreateMembersAndContributions(demo.Members(3, 1), nil, change); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(s.Path())
	link := filepath.Join(t.TempDir(), "link.db")
	if err := os.Symlink(s.Path(), link); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{s.Path(), filepath.Join(dir, ".", filepath.Base(s.Path())), link} {
		if err := s.BackupToFile(target); app.AsError(err) == nil || app.AsError(err).Reason != "file_is_database" {
			t.Errorf("backup to %s: err = %v, want file_is_database", target, err)
		}
	}
	after, err := os.Stat(s.Path())
	if err != nil || !os.SameFile(before, after) {
		t.Fatalf("the database file was replaced: %v", err)
	}
	if _, err := s.CreateMember(app.Member{Name: "后来者", Phone: "13900000009"}, change); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.CountMembers(); got != 4 {
		t.Errorf("members = %d, want 4", got)
	}
}

func TestRestoreRefusesWhatIsNotAnACEDeskDatabase(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, []byte("definitely not a database, just some text that is long enough"), 0o600); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(dir, "foreign.db")
	db, err := bolt.Open(foreign, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("other_app")); return err })
	db.Close()
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)

	s := openTemp(t)
	if _, err := s.CreateMember(app.Member{Name: "留下", Phone: "13800000002"}, change); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	before, _ := os.ReadFile(path)

	for _, tc := range []struct{ name, file, want string }{
		{"random bytes", garbage, "not_acedesk_db"},
		{"another program's bbolt file", foreign, "not_acedesk_db"},
		{"empty file", empty, "not_acedesk_db"},
		{"a folder", dir, "not_acedesk_db"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Restore(path, tc.file, apptest.NewClock(apptest.Start))
			if got := app.AsError(err).Reason; got != tc.want {
				t.Errorf("reason = %q (%v), want %q", got, err, tc.want)
			}
			after, _ := os.ReadFile(path)
			if string(after) != string(before) {
				t.Error("the database changed after a refused restore")
			}
			if leftovers, _ := filepath.Glob(path + ".restore*"); len(leftovers) != 0 {
				t.Errorf("left behind %v", leftovers)
			}
		})
	}
}

// TestOpeningRemovesTheCopiesAKilledBackupLeft: a kill during the backup
// before an import, or during a restore, leaves full copies of the
// database under temporary names; the next start removes them, and
// nothing else.
func TestOpeningRemovesTheCopiesAKilledBackupLeft(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "acedesk.db")
	stale := []string{".acedesk.db.before-import-20260314T090000Z.bak.3462711.tmp", ".acedesk.db.before-restore-20260314T090000Z.bak.77.tmp",
		".acedesk.db.restore.tmp.123.tmp", "acedesk.db.restore.tmp"}
	kept := []string{"acedesk.db.before-import-20260314T090000Z.bak", ".other.db.before-import-1.bak.1.tmp", "notes.tmp", ".acedesk.db.copy.1.tmp"}
	for _, name := range append(slices.Clone(stale), kept...) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("copy"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Open(db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, name := range stale {
		if _, err := os.Stat(filepath.Join(dir, name)); !os.IsNotExist(err) {
			t.Errorf("%s is still there (%v)", name, err)
		}
	}
	for _, name := range kept {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s was removed: %v", name, err)
		}
	}
}
