// Package logfile is ACE Desk's log: a slog text log in a file beside the
// database, kept small (the current file and one before it, each capped),
// readable by the user only, with phone numbers, e-mail addresses and
// passwords masked before anything is written.
package logfile

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

// MaxBytes caps one file: once the current file would grow beyond it, it
// becomes <name>.1 (replacing the one before) and a new file starts.
const MaxBytes = 1 << 20

// PathFor is the log of the database at dbPath: acedesk.db logs to
// acedesk.log in the same folder.
func PathFor(dbPath string) string {
	return strings.TrimSuffix(dbPath, filepath.Ext(dbPath)) + ".log"
}

// File is a size-capped log file, safe for concurrent writes.
type File struct {
	mu   sync.Mutex
	path string
	max  int64
	f    *os.File
	size int64
}

// Open opens (or creates, mode 0600) the log at path, capped at max bytes.
func Open(path string, max int64) (*File, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	return &File{path: path, max: max, f: f, size: st.Size()}, nil
}

// Path is where the file is.
func (l *File) Path() string { return l.path }

// Write appends p, starting a new file first when p would take the
// current one past its cap.
func (l *File) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.size > 0 && l.size+int64(len(p)) > l.max {
		if err := l.rotate(); err != nil {
			return 0, err
		}
	}
	n, err := l.f.Write(p)
	l.size += int64(n)
	return n, err
}

func (l *File) rotate() error {
	if err := l.f.Close(); err != nil {
		return err
	}
	if err := os.Rename(l.path, l.path+".1"); err != nil {
		return err
	}
	f, err := os.OpenFile(l.path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	l.f, l.size = f, 0
	return nil
}

// Close closes the file.
func (l *File) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f.Close()
}

// New is a logger writing text records to w, with personal data masked.
func New(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{ReplaceAttr: mask}))
}

var (
	phone    = regexp.MustCompile(`(\+?86[ -]?)?1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}`)
	email    = regexp.MustCompile(`(^|[^:A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)
	password = regexp.MustCompile(`(?i)(password\s*[=:]\s*)('[^']*'|"[^"]*"|\S+)`)
	userinfo = regexp.MustCompile(`(://[^:/@\s]*:)[^@\s]*@`)
)

// mask takes what identifies a person or opens a door out of every text
// the log would keep: an error's message may quote a record or a DSN.
func mask(_ []string, a slog.Attr) slog.Attr {
	switch a.Value.Kind() {
	case slog.KindString:
		a.Value = slog.StringValue(Scrub(a.Value.String()))
	case slog.KindAny:
		if err, ok := a.Value.Any().(error); ok {
			a.Value = slog.StringValue(Scrub(err.Error()))
		} else if s, ok := a.Value.Any().(fmt.Stringer); ok {
			a.Value = slog.StringValue(Scrub(s.String()))
		}
	}
	return a
}

// Scrub masks phone numbers, e-mail addresses and passwords in s.
func Scrub(s string) string {
	s = password.ReplaceAllString(s, "${1}xxxxx")
	s = userinfo.ReplaceAllString(s, "${1}xxxxx@")
	s = email.ReplaceAllString(s, "${1}<email>")
	return phone.ReplaceAllString(s, "<phone>")
}
