package app

import (
	"crypto/ed25519"
	"encoding/json"
	"io"
	"time"
)

// The kinds of bundle: everything, or what changed since the last export.
const (
	BundleFull    = "full"
	BundleChanges = "changes"
)

// BundleCodec writes and reads chapter bundles (.acebundle, app/bundle;
// the README's "Chapter bundles" section specifies the format).
type BundleCodec interface {
	// Write writes lines as a bundle signed with key. m gives the chapter,
	// the kind and the audit range; the codec fills in the rest.
	Write(w io.Writer, m *BundleManifest, lines BundleLines, key ed25519.PrivateKey) error
	// Read verifies the bundle in r (size bytes, called name in errors)
	// and decodes it, leaving its audit to be checked in the background
	// (see Bundle.Finish).
	Read(r io.ReaderAt, size int64, name string) (*Bundle, error)
	// Open reads the bundle file at path as Read does; errors name the
	// file by its base name.
	Open(path string) (*Bundle, error)
}

// BundleAuditFile is the chapter's audit trail, a bundle's largest data
// file, kept by headquarters as sent.
const BundleAuditFile = "audit.jsonl"

// BundleChapter identifies who made the bundle.
type BundleChapter struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	City string `json:"city"`
}

// Validate refuses a chapter whose code is not a chapter code (a bundle
// names files and serials after it) or whose name or city breaks the caps
// every record is held to.
func (c BundleChapter) Validate() error {
	f := FieldErrors{}
	if !ValidChapterCode(c.ID) {
		f.Add("id", "invalid_chapter_code")
	}
	checkTexts(f, textField{"name", c.Name, MaxChapterName, false}, textField{"city", c.City, MaxChapterName, false})
	return f.Err()
}

// BundleFileInfo is what the manifest vouches for about one data file.
type BundleFileInfo struct {
	Rows   int    `json:"rows"`
	SHA256 string `json:"sha256"`
}

// BundleManifest is manifest.json. Since is the audit sequence number after which
// a changes bundle's records were changed (0 in a full bundle); UpTo is the
// last audit sequence number the bundle covers.
type BundleManifest struct {
	Format    string                    `json:"format"`
	Version   int                       `json:"version"`
	Chapter   BundleChapter             `json:"chapter"`
	PublicKey string                    `json:"public_key"`
	KeyID     string                    `json:"key_id"`
	CreatedAt time.Time                 `json:"created_at"`
	Kind      string                    `json:"kind"`
	Since     uint64                    `json:"since"`
	UpTo      uint64                    `json:"up_to"`
	Files     map[string]BundleFileInfo `json:"files"`
}

// BundleTrophy is a trophy order as the chapter keeps it.
type BundleTrophy struct {
	BatchID   string `json:"batch_id"`
	MemberID  uint64 `json:"member_id"`
	Engraving string `json:"engraving"`
	Status    string `json:"status"`
	Version   int    `json:"version"`
}

// BundleData is a bundle's records, one slice per data file.
type BundleData struct {
	Members       []Member
	Groups        []Group
	Events        []Event
	Contributions []Contribution
	Decisions     []Decision
	Batches       []Batch
	Levels        []Holding
	Certificates  []Certificate
	Trophies      []BundleTrophy
	Audit         []BundleAudit
	Deletions     []BundleDeletion
}

// BundleDeletion is a record the chapter deleted: entity is "member",
// "group", "event" or "contribution" (the audit's entity names).
type BundleDeletion struct {
	Entity string `json:"entity"`
	ID     uint64 `json:"id"`
}

// DeletableEntities are the kinds of record a bundle's deletions name.
var DeletableEntities = []string{"contribution", "event", "group", "member"}

// Bundle is a chapter's bundle whose manifest and signature were checked:
// its data is read by Load, once the merge has decided to trust its key,
// and its audit file checked in the background until Finish.
type Bundle struct {
	Name      string
	Manifest  BundleManifest
	PublicKey ed25519.PublicKey
	Data      BundleData
	// Load reads and checks the data files into Data, leaving the audit
	// to be checked in the background (see Finish). The codec sets it.
	Load func() error
	// AuditCheck delivers the outcome of the audit file's check while it
	// runs (nil once Finish has it, or when the audit was checked first).
	AuditCheck <-chan error
	auditErr   error
}

// Finish waits for the check of the audit file StartReadBundle left
// running and returns its error, the reason the bundle is refused; once it
// returns nil, Data.Audit is set. One goroutine at a time may call it.
func (b *Bundle) Finish() error {
	if b.AuditCheck != nil {
		b.auditErr = <-b.AuditCheck
		b.AuditCheck = nil
	}
	return b.auditErr
}

// Records counts the bundle's records, the audit's lines included (as the
// signed manifest gives them while the audit is being checked).
func (b *Bundle) Records() int {
	d := &b.Data
	audit := b.Manifest.Files[BundleAuditFile].Rows
	if b.AuditCheck == nil {
		audit = len(d.Audit)
	}
	return len(d.Members) + len(d.Groups) + len(d.Events) + len(d.Contributions) + len(d.Decisions) +
		len(d.Levels) + len(d.Certificates) + len(d.Batches) + len(d.Trophies) + audit + len(d.Deletions)
}

// BundleLines is a bundle's records by data file: one JSON object per
// record, without the newline. The store hands over its records this way,
// as it keeps them, so a bundle is written without decoding them.
type BundleLines map[string][][]byte

// BundleAudit is one line of audit.jsonl: the line as the chapter wrote
// it, kept as is, and the fields headquarters reads.
type BundleAudit struct {
	ID       uint64
	Action   string
	Entity   string
	EntityID uint64
	Line     json.RawMessage
}

// NewBundleAudit is an audit entry as a bundle carries it.
func NewBundleAudit(e AuditEntry) (BundleAudit, error) {
	line, err := json.Marshal(e)
	return BundleAudit{ID: e.ID, Action: e.Action, Entity: e.Entity, EntityID: e.EntityID, Line: line}, err
}

// BundleRepository exports the chapter's records and merges other
// chapters' bundles (headquarters mode).
type BundleRepository interface {
	// BundleRecords reads every record, or with changes those changed
	// since the last recorded export, in one transaction.
	BundleRecords(changes bool) (lines BundleLines, since, upTo uint64, err error)
	RecordBundleExport(m BundleManifest, ch Change) error
	// Merge runs fn, the merge policy, over one write transaction in
	// which headquarters merges a bundle of chapter: all of it or, on any
	// error, none.
	Merge(chapter string, fn func(tx MergeTx) error) error
	// MergedChapters lists the chapters merged here, by ID.
	MergedChapters() ([]MergedChapter, error)
	// TrustedChapterKeys lists the keys trusted for each merged chapter,
	// by chapter ID: its current key first, then those it replaced.
	TrustedChapterKeys() ([]ChapterKeys, error)
	// CertificateChapter is the chapter the certificate with serial was
	// merged from; "" for one issued here or none.
	CertificateChapter(serial string) (string, error)
}

// ChapterKeys are the public keys whose certificates headquarters accepts
// as a merged chapter's.
type ChapterKeys struct {
	Chapter string
	Keys    []ed25519.PublicKey
}

// MergedChapter is a chapter whose bundles were merged here, with the key
// trusted for it.
type MergedChapter struct {
	Chapter     BundleChapter `json:"chapter"`
	PublicKey   string        `json:"public_key"`
	Fingerprint string        `json:"fingerprint"`
	FirstMerged string        `json:"first_merged"`
}

// MergeCount counts what a merge did with one kind of record. Held back
// are records that name a member the merge could not place (a conflict,
// or a member neither in the bundle nor merged before). Deleted are
// records the chapter deleted that headquarters had from it.
type MergeCount struct {
	Kind      string `json:"kind"`
	Added     int    `json:"added"`
	Updated   int    `json:"updated"`
	Unchanged int    `json:"unchanged"`
	HeldBack  int    `json:"held_back"`
	Deleted   int    `json:"deleted"`
}

// MergeConflict is a record the merge did not take because it contradicts
// one already here; the operator resolves it, the merge never does.
type MergeConflict struct {
	Bundle     string `json:"bundle"`
	Chapter    string `json:"chapter"`
	Kind       string `json:"kind"`
	SourceID   string `json:"source_id"`
	Reason     string `json:"reason"`
	Field      string `json:"field"`
	Incoming   string `json:"incoming"`
	Existing   string `json:"existing"`
	ExistingID string `json:"existing_id"`
}

// Conflict reasons.
const (
	ConflictNameDiffers   = "name_differs"   // same phone or email, another name
	ConflictContactsSplit = "contacts_split" // the phone is one member's, the email another's
	ConflictContactTaken  = "contact_taken"  // an update moves a phone or email onto another member
	ConflictSerialTaken   = "serial_taken"   // another chapter's certificate has the serial
	ConflictMemberInUse   = "member_in_use"  // the chapter deleted a member records here still name
	ConflictInvalid       = "invalid_record" // the record fails the validation a typed one gets
	ConflictSerialOther   = "serial_other"   // the serial carries another chapter's code
	// ConflictNameUnprintable: the name has a character the certificate
	// font lacks; the chapter corrects it and sends it again.
	ConflictNameUnprintable = "name_unprintable"
)

// MergeResult is one bundle's merge. Linked counts members found already
// here (same phone or email, same name) who gained this chapter.
type MergeResult struct {
	Bundle      string          `json:"bundle"`
	Chapter     BundleChapter   `json:"chapter"`
	Kind        string          `json:"kind"`
	Fingerprint string          `json:"fingerprint"`
	NewChapter  bool            `json:"new_chapter"`
	KeyChanged  bool            `json:"key_changed"`
	Linked      int             `json:"linked"`
	Counts      []MergeCount    `json:"counts"`
	Conflicts   []MergeConflict `json:"conflicts"`
	Changed     bool            `json:"changed"`
}
