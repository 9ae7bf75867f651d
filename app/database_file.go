package app

import (
	"errors"
	"os"
)

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

// ErrDatabaseLocked means another ACE Desk has the database open.
var ErrDatabaseLocked = errors.New("the database is open in another ACE Desk")
