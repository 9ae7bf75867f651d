package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
)

// Desktop is what the desktop window adds to the services: a native save
// dialog and the system's viewer. In serve mode and on the command line
// there is none, and files reach the user as browser downloads instead.
type Desktop interface {
	// SaveDialog asks where to save a file offered as name; "" when the
	// user cancels.
	SaveDialog(name string) (string, error)
	// Open shows a file in the system's default application for it.
	Open(path string) error
}

// savedFiles remembers the files this process wrote through the save
// dialog: the only files the UI may ask to open, so that a page (or, in
// serve mode, a LAN client) can never make the machine open a path or URL of
// its choosing.
type savedFiles struct {
	mu      sync.Mutex
	desktop Desktop
	paths   map[string]bool
}

// UseDesktop gives the services the desktop window's dialogs and viewer.
// It is a method of Services, not of a bound service, so the UI cannot call it.
func (s *Services) UseDesktop(d Desktop) {
	f := &s.System.files
	f.mu.Lock()
	defer f.mu.Unlock()
	f.desktop = d
}

func (f *savedFiles) get() Desktop {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.desktop
}

// SaveFile asks the user where to save data, offered under name, writes it
// there (readable by the user only) and returns the path: "" when the user
// cancelled, which is not an error. Desktop window only.
func (s *SystemService) SaveFile(name string, data []byte) (string, error) {
	d := s.files.get()
	if d == nil {
		return "", Errorf(CodeInvalid, "desktop_only", "saving through a dialog needs the desktop window")
	}
	path, err := d.SaveDialog(filepath.Base(name))
	if err != nil || path == "" {
		return "", err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if SameFile(abs, s.repo.Path()) {
		return "", ErrIsDatabase(abs)
	}
	if err := os.WriteFile(abs, data, 0o600); err != nil {
		return "", Errorf(CodeInvalid, "file_write", "cannot write %s: %v", abs, err).WithParams("path", abs)
	}
	s.files.mu.Lock()
	defer s.files.mu.Unlock()
	if s.files.paths == nil {
		s.files.paths = map[string]bool{}
	}
	s.files.paths[abs] = true
	return abs, nil
}

// OpenFile shows a file SaveFile wrote in this session in the system's
// viewer. Any other path is refused.
func (s *SystemService) OpenFile(path string) error {
	d := s.files.get()
	clean := filepath.Clean(path)
	s.files.mu.Lock()
	ok := path != "" && s.files.paths[clean]
	s.files.mu.Unlock()
	if d == nil || !ok {
		return Errorf(CodeInvalid, "file_not_saved", "%q was not saved by ACE Desk in this session", path).WithParams("path", path)
	}
	if err := d.Open(clean); err != nil {
		return Errorf(CodeInternal, "file_open", "cannot open %s: %v", path, err).WithParams("path", path)
	}
	return nil
}

// SameFile reports whether a and b name one existing file, through any
// path, link or case the file system folds.
func SameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// ErrIsDatabase refuses to write over the open database: the running app
// would go on writing to a file no longer there, or read one overwritten
// under it, and lose everything since.
func ErrIsDatabase(path string) *Error {
	return Errorf(CodeInvalid, "file_is_database", "%s is the database ACE Desk has open: choose another file", path).WithParams("path", path)
}

// OpenInViewer starts the system's default application for path and does
// not wait for it. The path is one argument, never seen by a shell.
func OpenInViewer(path string) error {
	name, args := viewerCommand(runtime.GOOS, path)
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	// Reap the launcher when it exits; the viewer it starts lives on.
	go func() { _ = cmd.Wait() }()
	return nil
}

// viewerCommand is the command that opens path on goos.
func viewerCommand(goos, path string) (string, []string) {
	switch goos {
	case "windows":
		return "rundll32", []string{"url.dll,FileProtocolHandler", path}
	case "darwin":
		return "open", []string{path}
	default:
		return "xdg-open", []string{path}
	}
}
