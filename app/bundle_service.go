package app

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"acedesk/app/exchange"
)

// BundleRepository exports the chapter's records and merges other
// chapters' bundles (headquarters mode).
type BundleRepository interface {
	// BundleRecords reads every record, or with changes those changed
	// since the last recorded export, in one transaction.
	BundleRecords(changes bool) (lines BundleLines, since, upTo uint64, err error)
	RecordBundleExport(m BundleManifest, ch Change) error
	// MergeBundle merges a verified bundle in one transaction: all of it
	// or, on any error or cancellation, none.
	MergeBundle(ctx context.Context, b *Bundle, acceptKey bool, progress Progress, ch Change) (MergeResult, error)
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
	ConflictLevelDiffers  = "level_differs"  // one person, two chapters, two levels
	ConflictSerialTaken   = "serial_taken"   // another chapter's certificate has the serial
	ConflictMemberInUse   = "member_in_use"  // the chapter deleted a member records here still name
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

// BundleService writes this chapter's bundles and merges other chapters'.
type BundleService struct {
	repo     Repository
	settings *SettingsService
	trust    *TrustService
	clock    Clock
	jobs     *Jobs

	mu sync.Mutex
	// exports are the manifests of export jobs whose file is not handed
	// over yet, by job.
	exports map[string]*BundleManifest
}

// ExportBundleFile writes a full bundle, or with changes one of the records
// changed since the last export, to path (mode 0600, via a temporary file
// so a failure leaves no half bundle), then records the export. It is a
// function, not a method, so that the UI, which may not name paths on this
// computer, cannot call it: it gets the bytes from StartExport.
func ExportBundleFile(s *BundleService, path string, changes bool) (BundleManifest, error) {
	data, m, err := s.buildBundle(changes)
	if err != nil {
		return m, err
	}
	if err := writeFileAtomic(path, data); err != nil {
		return m, err
	}
	ch, err := s.settings.change()
	if err != nil {
		return m, err
	}
	return m, s.repo.RecordBundleExport(m, ch)
}

// buildBundle reads the records and returns the signed bundle's bytes.
func (s *BundleService) buildBundle(changes bool) ([]byte, BundleManifest, error) {
	var m BundleManifest
	// The defaults' code would make every new chapter the same chapter at
	// headquarters: the chapter must have chosen its own.
	setup, found, err := s.repo.GetCertificateSetup()
	if err != nil {
		return nil, m, err
	}
	if !found || setup.ChapterCode == "" {
		return nil, m, Errorf(CodeInvalid, "bundle_no_chapter_code", "set the chapter code (Settings, Certificates) before exporting a bundle")
	}
	key, _, err := s.trust.chapterKey()
	if err != nil {
		return nil, m, err
	}
	lines, since, upTo, err := s.repo.BundleRecords(changes)
	if err != nil {
		return nil, m, err
	}
	m = BundleManifest{Chapter: BundleChapter{ID: setup.ChapterCode, Name: setup.IssuerZH},
		CreatedAt: s.clock.Now(), Kind: BundleFull, Since: since, UpTo: upTo}
	if changes {
		m.Kind = BundleChanges
	}
	var buf bytes.Buffer
	if err := WriteBundle(&buf, &m, lines, key); err != nil {
		return nil, m, err
	}
	return buf.Bytes(), m, nil
}

// writeFileAtomic writes data to path with mode 0600 through a temporary
// file in the same folder, renamed over path only once complete.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return Errorf(CodeInvalid, "file_write", "cannot write %s: %v", path, err).WithParams("file", path)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return Errorf(CodeInvalid, "file_write", "cannot write %s: %v", path, err).WithParams("file", path)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// MergeVerified merges a bundle OpenBundle verified (its audit, if still
// being checked, is waited for before it is kept) for the command line.
// acceptKey is the operator's confirmation that a known chapter's new key
// is genuine.
func MergeVerified(ctx context.Context, s *BundleService, b *Bundle, acceptKey bool, progress Progress) (MergeResult, error) {
	return s.merge(ctx, b, acceptKey, progress)
}

func (s *BundleService) merge(ctx context.Context, b *Bundle, acceptKey bool, progress Progress) (MergeResult, error) {
	ch, err := s.settings.change()
	if err != nil {
		return MergeResult{}, err
	}
	return s.repo.MergeBundle(ctx, b, acceptKey, progress, ch)
}

// OpenBundle reads the bundle file at path and verifies it, leaving its
// audit to be checked in the background (see StartReadBundle); errors name
// the file by its base name. The file is read whole: the background check
// outlives this call.
func OpenBundle(path string) (*Bundle, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return nil, Errorf(CodeInvalid, "file_read", "cannot read %s: %v", name, err).WithParams("file", name)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > MaxBundleBytes {
		return nil, refuseBundle(name, name, BundleTooLarge, "larger than "+strconv.Itoa(MaxBundleBytes)+" bytes")
	}
	data := make([]byte, st.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, Errorf(CodeInvalid, "file_read", "cannot read %s: %v", name, err).WithParams("file", name)
	}
	return StartReadBundle(bytes.NewReader(data), st.Size(), name)
}

// MergedChapters lists the chapters merged into this database.
func (s *BundleService) MergedChapters() ([]MergedChapter, error) { return s.repo.MergedChapters() }

// KeyFingerprint is the fingerprint of a base64 public key, "" if it is not one.
func KeyFingerprint(publicKey string) string {
	pub, err := base64.StdEncoding.DecodeString(publicKey)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return ""
	}
	return Fingerprint(pub)
}

// WriteConflictsXLSX writes the merges' conflicts to path (see ConflictsXLSX).
func WriteConflictsXLSX(path string, results []MergeResult) error {
	data, err := ConflictsXLSX(results)
	if err != nil {
		return err
	}
	return writeFileAtomic(path, data)
}

// ConflictsXLSX is the merges' conflicts as a workbook with Chinese and
// English headers, one row per conflict.
func ConflictsXLSX(results []MergeResult) ([]byte, error) {
	sheet := exchange.Sheet{Name: "冲突 Conflicts", Header: []string{"文件 Bundle", "分会 Chapter", "类型 Kind",
		"来源编号 Source ID", "原因 Reason", "字段 Field", "传入值 Incoming", "现有值 Existing", "现有编号 Existing ID"}}
	for _, r := range results {
		for _, c := range r.Conflicts {
			sheet.Rows = append(sheet.Rows, []string{c.Bundle, c.Chapter, c.Kind, c.SourceID, c.Reason, c.Field, c.Incoming, c.Existing, c.ExistingID})
		}
	}
	var buf bytes.Buffer
	err := exchange.WriteXLSX(&buf, []exchange.Sheet{sheet})
	return buf.Bytes(), err
}

// MergeOutcome is one bundle of a merge run: its result, or why it was
// refused (nothing of it merged).
type MergeOutcome struct {
	File   string       `json:"file"`
	Result *MergeResult `json:"result,omitempty"`
	Error  *Error       `json:"error,omitempty"`
}

// BundleUpload is a bundle file the UI read from the user's disk.
type BundleUpload struct {
	Name string `json:"name"`
	Data []byte `json:"data"`
}

// StartExport builds a bundle in the background and returns the job;
// JobStatus follows it and ExportResult hands the file over.
func (s *BundleService) StartExport(changes bool) (string, error) {
	m := new(BundleManifest)
	id := s.jobs.Start(func(ctx context.Context, progress Progress) (string, []byte, error) {
		progress(0, 1)
		data, built, err := s.buildBundle(changes)
		if err != nil {
			return "", nil, err
		}
		*m = built
		progress(1, 1)
		return built.Chapter.ID + "-" + built.Kind + "-" + built.CreatedAt.UTC().Format("20060102-150405") + ".acebundle", data, nil
	})
	s.mu.Lock()
	defer s.mu.Unlock()
	s.exports[id] = m
	return id, nil
}

// ExportResult is a finished export's file. Handing it over records the
// export (once), so the next changes bundle starts after it.
func (s *BundleService) ExportResult(id string) (FileResult, error) {
	name, data, err := s.jobs.Result(id)
	if err != nil {
		return FileResult{}, err
	}
	s.mu.Lock()
	m, pending := s.exports[id]
	delete(s.exports, id)
	s.mu.Unlock()
	if pending {
		ch, err := s.settings.change()
		if err != nil {
			return FileResult{}, err
		}
		if err := s.repo.RecordBundleExport(*m, ch); err != nil {
			return FileResult{}, err
		}
	}
	return FileResult{Name: name, Data: data}, nil
}

// StartMerge verifies and merges the bundles in the background, each whole,
// in order; acceptKeys lists the chapters whose new key the operator
// confirmed. A refused bundle does not stop the others. MergeOutcomes has
// the result; cancelling stops the bundle being merged, leaving it out,
// and those after it.
func (s *BundleService) StartMerge(files []BundleUpload, acceptKeys []string) (string, error) {
	if len(files) == 0 {
		return "", Errorf(CodeInvalid, "bundle_none", "choose at least one bundle")
	}
	accept := map[string]bool{}
	for _, c := range acceptKeys {
		accept[c] = true
	}
	return s.jobs.Start(func(ctx context.Context, progress Progress) (string, []byte, error) {
		const scale = 1000
		outcomes := make([]MergeOutcome, 0, len(files))
		for i, f := range files {
			o := MergeOutcome{File: f.Name}
			b, err := StartReadBundle(bytes.NewReader(f.Data), int64(len(f.Data)), f.Name)
			var r MergeResult
			if err == nil {
				r, err = s.merge(ctx, b, accept[b.Manifest.Chapter.ID], func(done, total int) {
					progress(i*scale+done*scale/max(total, 1), len(files)*scale)
				})
			}
			if ctx.Err() != nil {
				return "", nil, ctx.Err()
			}
			if err != nil {
				o.Error = AsError(err)
			} else {
				o.Result = &r
			}
			outcomes = append(outcomes, o)
			progress((i+1)*scale, len(files)*scale)
		}
		data, err := json.Marshal(outcomes)
		return "merge.json", data, err
	}), nil
}

// MergeOutcomes is a finished merge's outcome per bundle.
func (s *BundleService) MergeOutcomes(id string) ([]MergeOutcome, error) {
	_, data, err := s.jobs.Result(id)
	if err != nil {
		return nil, err
	}
	var out []MergeOutcome
	return out, json.Unmarshal(data, &out)
}

// ConflictsFile is a finished merge's conflicts as a workbook.
func (s *BundleService) ConflictsFile(id string) (FileResult, error) {
	outcomes, err := s.MergeOutcomes(id)
	if err != nil {
		return FileResult{}, err
	}
	results := []MergeResult{}
	for _, o := range outcomes {
		if o.Result != nil {
			results = append(results, *o.Result)
		}
	}
	data, err := ConflictsXLSX(results)
	return FileResult{Name: "conflicts.xlsx", Data: data}, err
}

// JobStatus and CancelJob follow an export or a merge in the background.
func (s *BundleService) JobStatus(id string) (JobStatus, error) { return s.jobs.Status(id) }

func (s *BundleService) CancelJob(id string) error { return s.jobs.Cancel(id) }
