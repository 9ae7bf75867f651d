// Package store keeps ACE Desk's data in one bbolt file.
package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// FileMode is the mode of the database and its backups: the owner only.
const FileMode = 0o600

// LockTimeout is how long Open waits for another ACE Desk to release the file.
const LockTimeout = 500 * time.Millisecond

// initialMmapSize reserves address space for the file up front: when a
// large transaction (a headquarters merge) outgrows the mapping, bbolt
// remaps and copies every node the transaction holds, once per doubling.
// Windows grows the file itself to the mapping's size, so it keeps the
// default there.
var initialMmapSize = func() int {
	if runtime.GOOS == "windows" {
		return 0
	}
	return 1 << 30
}()

// ErrLocked means another ACE Desk has the database open.
var ErrLocked = app.ErrDatabaseLocked

// Store is the bbolt implementation of app.Repository.
type Store struct {
	db   *bolt.DB
	path string
}

var _ app.Repository = (*Store)(nil)

// Options tune Open; the zero value is what the application uses.
type Options struct {
	// Migrations replaces the built-in list (tests).
	Migrations []Migration
	// Clock stamps backup names (tests).
	Clock app.Clock
	// restoring: Restore opens the database it replaces while its staged
	// copy waits beside it, which is then no leftover.
	restoring bool
}

// Open opens (creating if needed) the database at path with mode 0600,
// waits at most LockTimeout for another process to let go of it, and brings
// its schema up to date, backing the file up before any migration.
func Open(path string, opts Options) (*Store, error) {
	if opts.Migrations == nil {
		opts.Migrations = migrations
	}
	if opts.Clock == nil {
		opts.Clock = app.SystemClock{}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create database folder: %w", err)
	}
	// Writing the freelist at every commit was most of a check-in's cost
	// with many desks writing (the LAN load test, 50 desks on 10,000
	// members: 564 → 1030 requests a second, check-in p50 128 → 47 ms).
	// Opening rebuilds the freelist by scanning the file instead, which
	// takes milliseconds at our sizes; bbolt advises the hashmap freelist
	// with it.
	db, err := bolt.Open(path, FileMode, &bolt.Options{Timeout: LockTimeout, InitialMmapSize: initialMmapSize,
		NoFreelistSync: true, FreelistType: bolt.FreelistMapType})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, ErrLocked
	}
	if errors.Is(err, berrors.ErrInvalid) || errors.Is(err, berrors.ErrVersionMismatch) || errors.Is(err, berrors.ErrChecksum) {
		return nil, errNotACEDesk(path)
	}
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		// It names the file already.
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	removeStaleCopies(path, opts.restoring)
	// bbolt keeps the mode of an existing file: tighten one made elsewhere.
	if err := os.Chmod(path, FileMode); err != nil {
		db.Close()
		return nil, fmt.Errorf("chmod %s: %w", path, err)
	}
	// Batched writes (check-ins) wait at most this long for company:
	// enough to gather the desks writing at the same moment, short enough
	// that one desk alone does not notice.
	db.MaxBatchDelay = 2 * time.Millisecond
	s := &Store{db: db, path: path}
	if err := s.migrate(opts.Migrations, opts.Clock); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close releases the file.
func (s *Store) Close() error { return s.db.Close() }

// Path is the database file.
func (s *Store) Path() string { return s.path }

var (
	bucketMeta        = []byte("meta")
	bucketSettings    = []byte("settings")
	bucketMembers     = []byte("members")
	bucketMemberIndex = []byte("member_search")
	bucketPhones      = []byte("idx_phone")
	bucketEmails      = []byte("idx_email")
	bucketMemberRefs  = []byte("member_refs")
	bucketAudit       = []byte("audit")
	bucketAuditIndex  = []byte("audit_by_entity")

	bucketContributions   = []byte("contributions")
	bucketContribByMember = []byte("contrib_by_member")
	bucketContribByYear   = []byte("contrib_by_year")
	bucketYearRules       = []byte("year_rules")

	bucketGroups    = []byte("groups")
	bucketDecisions = []byte("decisions")
	bucketEvents    = []byte("events")
	bucketBatches   = []byte("batches")
	bucketRenewals  = []byte("renewals")
	bucketHoldings  = []byte("holdings")
	bucketLedger    = []byte("ledger")

	bucketCertificates = []byte("certificates")
	bucketCertBySource = []byte("cert_by_source")
	bucketTrophies     = []byte("trophies")
	bucketKeys         = []byte("keys")
	bucketAttendees    = []byte("attendees")

	keySchema = []byte("schema_version")
	keyApp    = []byte("app")
	appMarker = []byte("acedesk")
)

func itob(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func btoi(b []byte) uint64 { return binary.BigEndian.Uint64(b) }

// put stores v as JSON under key.
func put(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}

// get decodes the JSON under key; json.Unmarshal copies, so the result
// outlives the transaction.
func get(b *bolt.Bucket, key []byte, v any) (bool, error) {
	data := b.Get(key)
	if data == nil {
		return false, nil
	}
	return true, json.Unmarshal(data, v)
}
