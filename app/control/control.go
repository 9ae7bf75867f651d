// Package control lets a second ACE Desk process ask the one holding the
// database to do something for it (a hot backup) over a local channel that
// only the file's owner can use: a unix socket (mode 0600) beside the
// database, or on Windows a loopback TCP port whose address and secret
// token are in a file beside the database that only the user can read
// (tcp.go: Windows 10 has AF_UNIX sockets, but Wine and older Windows do
// not, and a socket file there gets no mode 0600).
package control

import (
	"bufio"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"net"
	"os"
	"time"
)

// SocketPath is where the process holding dbPath listens: the socket, or on
// Windows the file that says where to connect and with which token.
func SocketPath(dbPath string) string { return dbPath + ".ctl" }

type request struct {
	Op    string `json:"op"`
	Path  string `json:"path"`
	Token string `json:"token,omitempty"`
}

type response struct {
	Error string `json:"error,omitempty"`
}

// maxRequest bounds what a connection may send before it is answered.
const maxRequest = 64 << 10

// Server answers control requests until Close.
type Server struct {
	ln    net.Listener
	path  string
	token string // empty for the unix socket, which the file mode guards
}

// Listen starts answering backup requests on the channel for dbPath.
// A stale socket or file left by a crashed process is replaced.
func Listen(dbPath string, backup func(path string) error) (*Server, error) {
	path := SocketPath(dbPath)
	// We hold the database lock, so no live ACE Desk owns this path.
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	ln, token, err := listen(path)
	if err != nil {
		return nil, err
	}
	s := &Server{ln: ln, path: path, token: token}
	go s.serve(backup)
	return s, nil
}

func (s *Server) serve(backup func(string) error) {
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return
		}
		go func() {
			defer conn.Close()
			conn.SetDeadline(time.Now().Add(5 * time.Minute))
			var req request
			var resp response
			if err := json.NewDecoder(bufio.NewReader(io.LimitReader(conn, maxRequest))).Decode(&req); err != nil {
				resp.Error = "bad request"
			} else if s.token != "" && subtle.ConstantTimeCompare([]byte(req.Token), []byte(s.token)) != 1 {
				resp.Error = "not allowed"
			} else if req.Op != "backup" || req.Path == "" {
				resp.Error = "unknown request"
			} else if err := backup(req.Path); err != nil {
				resp.Error = err.Error()
			}
			json.NewEncoder(conn).Encode(resp)
		}()
	}
}

// Close stops listening and removes the socket or file.
func (s *Server) Close() error {
	err := s.ln.Close()
	os.Remove(s.path)
	return err
}

// ErrNoServer means no running ACE Desk answered.
var ErrNoServer = errors.New("no running ACE Desk answered")

// RequestBackup asks the process holding dbPath to write a backup to path
// (an absolute path).
func RequestBackup(dbPath, path string) error {
	conn, token, err := dial(SocketPath(dbPath))
	if err != nil {
		return ErrNoServer
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Minute))
	if err := json.NewEncoder(conn).Encode(request{Op: "backup", Path: path, Token: token}); err != nil {
		return err
	}
	var resp response
	if err := json.NewDecoder(conn).Decode(&resp); err != nil {
		return err
	}
	if resp.Error != "" {
		return errors.New(resp.Error)
	}
	return nil
}
