package control

import (
	"encoding/json"
	"errors"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// channels are the ways this system's build can listen: its own, and the
// loopback TCP channel that Windows uses, which runs everywhere.
func channels(t *testing.T, each func(t *testing.T)) {
	t.Run("native", each)
	t.Run("tcp", func(t *testing.T) {
		l, d := listen, dial
		listen, dial = listenTCP, dialTCP
		t.Cleanup(func() { listen, dial = l, d })
		each(t)
	})
}

type recorder struct {
	mu    sync.Mutex
	paths []string
}

func (r *recorder) backup(path string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.paths = append(r.paths, path)
	if strings.HasSuffix(path, "refuse") {
		return errors.New("cannot write there")
	}
	return nil
}

func TestBackupRequestReachesTheHolder(t *testing.T) {
	channels(t, func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "acedesk.db")
		var rec recorder
		srv, err := Listen(db, rec.backup)
		if err != nil {
			t.Fatal(err)
		}
		if err := RequestBackup(db, "/backups/a.db"); err != nil {
			t.Fatalf("backup: %v", err)
		}
		if err := RequestBackup(db, "/backups/refuse"); err == nil || err.Error() != "cannot write there" {
			t.Errorf("a failed backup: %v, want the holder's error", err)
		}
		if len(rec.paths) != 2 || rec.paths[0] != "/backups/a.db" {
			t.Errorf("holder was asked for %q", rec.paths)
		}
		if runtime.GOOS != "windows" {
			if fi, err := os.Stat(SocketPath(db)); err != nil || fi.Mode().Perm() != 0o600 {
				t.Errorf("%s: %v, mode %v; want 0600", SocketPath(db), err, fi.Mode().Perm())
			}
		}
		srv.Close()
		if _, err := os.Stat(SocketPath(db)); !os.IsNotExist(err) {
			t.Errorf("%s left behind after Close: %v", SocketPath(db), err)
		}
		if err := RequestBackup(db, "/backups/b.db"); !errors.Is(err, ErrNoServer) {
			t.Errorf("with no holder: %v, want ErrNoServer", err)
		}
	})
}

func TestAStaleChannelIsReplaced(t *testing.T) {
	channels(t, func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "acedesk.db")
		first, err := Listen(db, func(string) error { return nil })
		if err != nil {
			t.Fatal(err)
		}
		first.ln.Close() // a crash: the socket or file stays
		if err := RequestBackup(db, "/x"); !errors.Is(err, ErrNoServer) {
			t.Fatalf("stale channel: %v, want ErrNoServer", err)
		}
		var rec recorder
		second, err := Listen(db, rec.backup)
		if err != nil {
			t.Fatalf("listen over a stale channel: %v", err)
		}
		defer second.Close()
		if err := RequestBackup(db, "/y"); err != nil || len(rec.paths) != 1 {
			t.Errorf("backup after restart: %v, %q", err, rec.paths)
		}
	})
}

func TestTCPWantsTheToken(t *testing.T) {
	l, d := listen, dial
	listen, dial = listenTCP, dialTCP
	t.Cleanup(func() { listen, dial = l, d })
	db := filepath.Join(t.TempDir(), "acedesk.db")
	var rec recorder
	srv, err := Listen(db, rec.backup)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	raw, err := os.ReadFile(SocketPath(db))
	if err != nil {
		t.Fatal(err)
	}
	var ep endpoint
	if err := json.Unmarshal(raw, &ep); err != nil || len(ep.Token) != 64 || !strings.HasPrefix(ep.Addr, "127.0.0.1:") {
		t.Fatalf("endpoint file %s: %v", raw, err)
	}
	if runtime.GOOS != "windows" {
		if fi, _ := os.Stat(SocketPath(db)); fi.Mode().Perm() != 0o600 {
			t.Errorf("endpoint file mode %v, want 0600", fi.Mode().Perm())
		}
	}
	for _, token := range []string{"", strings.Repeat("0", 64), ep.Token[:63]} {
		conn, err := net.Dial("tcp", ep.Addr)
		if err != nil {
			t.Fatal(err)
		}
		json.NewEncoder(conn).Encode(request{Op: "backup", Path: "/stolen.db", Token: token})
		var resp response
		err = json.NewDecoder(conn).Decode(&resp)
		conn.Close()
		if err != nil || resp.Error != "not allowed" {
			t.Errorf("token %q: %v %+v, want not allowed", token, err, resp)
		}
	}
	if len(rec.paths) != 0 {
		t.Errorf("a request without the token was carried out: %q", rec.paths)
	}
}

func TestTCPSendsTheTokenToLoopbackOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "acedesk.db.ctl")
	os.WriteFile(path, []byte(`{"addr":"192.0.2.7:9","token":"secret"}`), 0o600)
	if _, _, err := dialTCP(path); err == nil || !strings.Contains(err.Error(), "not a loopback address") {
		t.Errorf("dial to a non-loopback address: %v", err)
	}
}
