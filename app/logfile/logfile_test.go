package logfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPathFor(t *testing.T) {
	for _, tc := range []struct{ db, want string }{
		{"/home/a/.config/acedesk/acedesk.db", "/home/a/.config/acedesk/acedesk.log"},
		{"hq.db", "hq.log"},
		{"/data/chapter", "/data/chapter.log"},
	} {
		if got := PathFor(tc.db); got != tc.want {
			t.Errorf("PathFor(%q) = %q, want %q", tc.db, got, tc.want)
		}
	}
}

// The log never holds more than two capped files, both readable by the
// user only.
func TestFileIsCappedAndPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "acedesk.log")
	f, err := Open(path, 100)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	line := strings.Repeat("x", 39) + "\n"
	for range 10 {
		if _, err := f.Write([]byte(line)); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{path, path + ".1"} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Size() > 100 || st.Size() == 0 {
			t.Errorf("%s: %d bytes, want 1 to 100", p, st.Size())
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600", p, st.Mode().Perm())
		}
	}
	if _, err := os.Stat(path + ".2"); !os.IsNotExist(err) {
		t.Errorf("a third file: %v", err)
	}
}

func TestLoggerMasksPersonalData(t *testing.T) {
	var b strings.Builder
	log := New(&b)
	log.Error("job failed", "err", errors.New("member 13812345678 (zhe@example.com): pq: password=s3cret refused"),
		"dsn", "postgres://lead:hunter2@db.local/ace", "who", "+86 139-0000-0001 and 13900000002")
	out := b.String()
	for _, secret := range []string{"13812345678", "zhe@example.com", "s3cret", "hunter2", "0000-0001", "13900000002"} {
		if strings.Contains(out, secret) {
			t.Errorf("log holds %q: %s", secret, out)
		}
	}
	for _, kept := range []string{"job failed", "member <phone>", "<email>", "password=xxxxx", "lead:xxxxx@db.local"} {
		if !strings.Contains(out, kept) {
			t.Errorf("log lacks %q: %s", kept, out)
		}
	}
}
