package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"

	bolt "go.etcd.io/bbolt"
)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "acedesk.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var change = app.Change{Actor: "tester", At: apptest.Start}

// upgraded makes a database at schema version from, lets fill (if any) put
// records in it, and opens it again with every migration; it returns the
// upgraded store and its path.
func upgraded(t *testing.T, from int, fill func(old *Store)) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "acedesk.db")
	old, err := Open(path, Options{Migrations: migrations[:from]})
	if err != nil {
		t.Fatal(err)
	}
	if fill != nil {
		fill(old)
	}
	old.Close()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func TestOpenCreatesPrivateFileAtCurrentSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "acedesk.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Mode().Perm(); got != FileMode {
		t.Errorf("mode = %o, want %o", got, FileMode)
	}
	if got, _ := s.SchemaVersion(); got != CurrentSchema() {
		t.Errorf("schema = %d, want %d", got, CurrentSchema())
	}
}

func TestOpenRefusesAFileThatIsNotADatabase(t *testing.T) {
	for _, content := range []string{"name,phone\n张三,13900000001\n", strings.Repeat("\x00\xff", 8192)} {
		path := filepath.Join(t.TempDir(), "roster.csv")
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Open(path, Options{})
		if e := app.AsError(err); e == nil || e.Reason != "not_acedesk_db" || e.Params["path"] != path {
			t.Errorf("open %q…: err = %v, want not_acedesk_db naming the file", content[:8], err)
		}
		if got, _ := os.ReadFile(path); string(got) != content {
			t.Error("the file was changed")
		}
	}
}

func TestOpenTightensLooseMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "acedesk.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, _ := os.Stat(path)
	if got := st.Mode().Perm(); got != FileMode {
		t.Errorf("mode = %o, want %o", got, FileMode)
	}
}

func TestSecondOpenIsLocked(t *testing.T) {
	s := openTemp(t)
	_, err := Open(s.Path(), Options{})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: err = %v, want ErrLocked", err)
	}
}

func TestMigrationsRunInOrderAfterABackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "acedesk.db")
	v1 := migrations[:1]
	s, err := Open(path, Options{Migrations: v1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateMember(app.Member{Name: "张三", Phone: "13800000001"}, change); err != nil {
		t.Fatal(err)
	}
	s.Close()

	var order []int
	step := func(v int) Migration {
		return Migration{Version: v, Name: "test", Apply: func(tx *bolt.Tx) error {
			order = append(order, v)
			_, err := tx.CreateBucketIfNotExists([]byte("test_v" + string(rune('0'+v))))
			return err
		}}
	}
	clock := apptest.NewClock(apptest.Start)
	s, err = Open(path, Options{Migrations: append(v1[:1:1], step(2), step(3)), Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.SchemaVersion(); got != 3 {
		t.Errorf("schema = %d, want 3", got)
	}
	s.Close()
	if len(order) != 2 || order[0] != 2 || order[1] != 3 {
		t.Errorf("migration order = %v, want [2 3]", order)
	}
	backups, _ := filepath.Glob(path + ".before-v2-*.bak")
	if len(backups) != 1 {
		t.Fatalf("backups = %v, want one before-v2 backup", backups)
	}
	st, _ := os.Stat(backups[0])
	if st.Mode().Perm() != FileMode {
		t.Errorf("backup mode = %o, want %o", st.Mode().Perm(), FileMode)
	}
	old, err := Open(backups[0], Options{Migrations: v1})
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if got, _ := old.SchemaVersion(); got != 1 {
		t.Errorf("backup schema = %d, want 1 (taken before migrating)", got)
	}
	if n, _ := old.CountMembers(); n != 1 {
		t.Errorf("backup members = %d, want 1", n)
	}
	// This build (which knows only v1) must refuse the newer file.
	_, err = Open(path, Options{Migrations: v1})
	if got := app.AsError(err).Reason; got != "db_too_new" {
		t.Errorf("open newer file: reason = %q (%v), want db_too_new", got, err)
	}
}

func TestNewDatabaseIsNotBackedUp(t *testing.T) {
	s := openTemp(t)
	backups, _ := filepath.Glob(s.Path() + ".before-*")
	if len(backups) != 0 {
		t.Errorf("backups of a new file = %v, want none", backups)
	}
}
