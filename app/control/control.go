// Package control lets a second ACE Desk process ask the one holding the
// database to do something for it (a hot backup) over a local socket that
// only the file's owner can open.
package control

import (
	"bufio"
	"encoding/json"
	"errors"
	"net"
	"os"
	"time"
)

// SocketPath is where the process holding dbPath listens.
func SocketPath(dbPath string) string { return dbPath + ".ctl" }

type request struct {
	Op   string `json:"op"`
	Path string `json:"path"`
}

type response struct {
	Error string `json:"error,omitempty"`
}

// Server answers control requests until Close.
type Server struct {
	ln   net.Listener
	path string
}

// Listen starts answering backup requests on the socket for dbPath.
// A stale socket left by a crashed process is replaced.
func Listen(dbPath string, backup func(path string) error) (*Server, error) {
	path := SocketPath(dbPath)
	// We hold the database lock, so no live ACE Desk owns this socket.
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, err
	}
	s := &Server{ln: ln, path: path}
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
			if err := json.NewDecoder(bufio.NewReader(conn)).Decode(&req); err != nil {
				resp.Error = "bad request"
			} else if req.Op != "backup" || req.Path == "" {
				resp.Error = "unknown request"
			} else if err := backup(req.Path); err != nil {
				resp.Error = err.Error()
			}
			json.NewEncoder(conn).Encode(resp)
		}()
	}
}

// Close stops listening and removes the socket.
func (s *Server) Close() error {
	err := s.ln.Close()
	os.Remove(s.path)
	return err
}

// ErrNoServer means no running ACE Desk answered on the socket.
var ErrNoServer = errors.New("no running ACE Desk answered")

// RequestBackup asks the process holding dbPath to write a backup to path
// (an absolute path).
func RequestBackup(dbPath, path string) error {
	conn, err := net.DialTimeout("unix", SocketPath(dbPath), 2*time.Second)
	if err != nil {
		return ErrNoServer
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Minute))
	if err := json.NewEncoder(conn).Encode(request{Op: "backup", Path: path}); err != nil {
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
