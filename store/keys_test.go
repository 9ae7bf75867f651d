package store

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"acedesk/app"
)

func TestChapterKeyIsMadeOnceAndAudited(t *testing.T) {
	path := filepath.Join(t.TempDir(), "acedesk.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	first, created, err := s.ChapterKey(change)
	if err != nil {
		t.Fatal(err)
	}
	if !created.Equal(change.At) {
		t.Errorf("created = %v, want %v", created, change.At)
	}
	later := app.Change{Actor: "someone else", At: change.At.Add(time.Hour)}
	again, createdAgain, err := s.ChapterKey(later)
	if err != nil {
		t.Fatal(err)
	}
	if !first.Equal(again) || !createdAgain.Equal(created) {
		t.Errorf("second call returned another key or date: %v", createdAgain)
	}

	audit, err := s.AuditFor("chapter_key", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(audit) != 1 || audit[0].Action != app.ActionCreate || audit[0].Actor != change.Actor {
		t.Fatalf("audit = %+v, want one create by %s", audit, change.Actor)
	}
	pubText := base64.StdEncoding.EncodeToString(first.Public().(ed25519.PublicKey))
	if !strings.Contains(string(audit[0].After), pubText) {
		t.Errorf("audit %s does not record the public key %s", audit[0].After, pubText)
	}
	for _, secret := range []string{base64.StdEncoding.EncodeToString(first.Seed()), base64.StdEncoding.EncodeToString(first)} {
		if strings.Contains(string(audit[0].After), secret) {
			t.Errorf("audit %s holds the private key", audit[0].After)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	reopened, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	afterReopen, _, err := reopened.ChapterKey(later)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(afterReopen, first) {
		t.Error("the key changed when the database was reopened")
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != FileMode {
		t.Errorf("database mode after storing the key: %v, %v", st.Mode().Perm(), err)
	}
}

func TestMigrationFourAddsKeysToAnOlderDatabase(t *testing.T) {
	s, _ := upgraded(t, 3, nil)
	if m := migrations[3]; m.Version != 4 || m.Name != "chapter key" {
		t.Fatalf("migration 4 is %d %q", m.Version, m.Name)
	}
	if v, _ := s.SchemaVersion(); v != CurrentSchema() {
		t.Fatalf("schema = %d, want %d", v, CurrentSchema())
	}
	if _, _, err := s.ChapterKey(change); err != nil {
		t.Errorf("ChapterKey after migrating: %v", err)
	}
}
