package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// BackupToFile writes a consistent copy of the open database to path (mode
// 0600) while readers and writers carry on: it is one read transaction. The
// copy appears under its name only when complete. The database itself is
// refused as the target.
func (s *Store) BackupToFile(path string) error {
	if app.SameFile(path, s.path) {
		return app.ErrIsDatabase(path)
	}
	return s.db.View(func(tx *bolt.Tx) error { return writeFileAtomic(path, tx.WriteTo) })
}

// writeFileAtomic writes through a temporary file in the same folder, syncs
// it and renames it into place, so path is never seen half written.
func writeFileAtomic(path string, write func(w io.Writer) (int64, error)) (err error) {
	path, err = filepath.Abs(path)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			removeQuiet(tmp)
		}
	}()
	if err = f.Chmod(FileMode); err != nil {
		return err
	}
	if _, err = write(f); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// staleCopies are the temporary files a backup before an import or a
// restore, or a restore's staged copy, leave when the process is killed
// before it renames or removes them: full copies of the database, which
// nothing else would ever remove.
var staleCopies = []string{".%s.before-import-*.bak.*.tmp", ".%s.before-restore-*.bak.*.tmp", ".%s.restore.tmp.*.tmp", stagedCopy}

// stagedCopy is where Restore stages the backup it installs.
const stagedCopy = "%s.restore.tmp"

// removeStaleCopies removes those of the database at path. Open calls it
// holding the database's lock, so no other ACE Desk is writing them.
func removeStaleCopies(path string, restoring bool) {
	dir, base := filepath.Dir(path), filepath.Base(path)
	// A name that is a pattern itself could match other files: leave
	// those copies to the user.
	if strings.ContainsAny(base, `*?[\`) {
		return
	}
	for _, pattern := range staleCopies {
		if restoring && pattern == stagedCopy {
			continue
		}
		matches, _ := filepath.Glob(filepath.Join(dir, fmt.Sprintf(pattern, base)))
		for _, m := range matches {
			removeQuiet(m)
		}
	}
}

// errNotACEDesk refuses a file that is not an ACE Desk database, to open
// or to restore from.
func errNotACEDesk(path string) *app.Error {
	return app.Errorf(app.CodeInvalid, "not_acedesk_db", "%s is not an ACE Desk database, or it is damaged", path).WithParams("path", path)
}

// Validate checks that path is an intact ACE Desk database this build can
// open, without changing it.
func Validate(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return errNotACEDesk(path)
	}
	db, err := bolt.Open(path, FileMode, &bolt.Options{ReadOnly: true, Timeout: LockTimeout})
	if errors.Is(err, berrors.ErrTimeout) {
		return ErrLocked
	}
	if err != nil {
		return errNotACEDesk(path)
	}
	defer db.Close()
	return db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil || string(meta.Get(keyApp)) != string(appMarker) {
			return errNotACEDesk(path)
		}
		v, err := schemaVersion(tx)
		if err != nil || v < 1 {
			return errNotACEDesk(path)
		}
		if v > CurrentSchema() {
			return &app.Error{Code: app.CodeConflict, Reason: "db_too_new",
				Message: fmt.Sprintf("the file has schema %d but this ACE Desk knows only up to %d", v, CurrentSchema()),
				Params:  map[string]string{"have": strconv.Itoa(v), "know": strconv.Itoa(CurrentSchema())}}
		}
		for err := range tx.Check() {
			return &app.Error{Code: app.CodeInvalid, Reason: "db_damaged", Message: "the file is damaged: " + err.Error()}
		}
		return nil
	})
}

// Restore replaces the database at dbPath with the backup at from. It copies
// and validates the backup first, takes the database's lock (so it refuses
// while ACE Desk runs), keeps a copy of the current file, and swaps the
// files with one rename: never a half-restored database. It returns the path
// of the copy of the replaced database ("" when there was none).
func Restore(dbPath, from string, clock app.Clock) (string, error) {
	if err := Validate(from); err != nil {
		return "", err
	}
	staged := fmt.Sprintf(stagedCopy, dbPath)
	err := writeFileAtomic(staged, func(w io.Writer) (int64, error) {
		src, err := os.Open(from)
		if err != nil {
			return 0, err
		}
		defer src.Close()
		return io.Copy(w, src)
	})
	if err != nil {
		return "", err
	}
	defer removeQuiet(staged)
	// The staged copy is what gets installed: validate those very bytes.
	if err := Validate(staged); err != nil {
		return "", err
	}
	previous := ""
	if _, err := os.Stat(dbPath); err == nil {
		cur, err := Open(dbPath, Options{Clock: clock, restoring: true})
		if err != nil {
			return "", err
		}
		previous = fmt.Sprintf("%s.before-restore-%s.bak", dbPath, clock.Now().UTC().Format("20060102T150405Z"))
		err = cur.BackupToFile(previous)
		cur.Close()
		if err != nil {
			return "", fmt.Errorf("keep a copy of the current database: %w", err)
		}
	}
	return previous, os.Rename(staged, dbPath)
}
