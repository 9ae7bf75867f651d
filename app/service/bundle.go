package service

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"

	"acedesk/app"
	"acedesk/app/merge"
)

// bundleStore is what BundleService needs of the store.
type bundleStore interface {
	// BundleRecords reads every record, or with changes those changed
	// since the last recorded export, in one transaction.
	BundleRecords(changes bool) (lines app.BundleLines, since, upTo uint64, err error)
	GetCertificateSetup() (app.CertificateSetup, bool, error)
	// Merge runs fn, the merge policy, over one write transaction in
	// which headquarters merges a bundle of chapter: all of it or, on any
	// error, none.
	Merge(chapter string, fn func(tx app.MergeTx) error) error
	// MergedChapters lists the chapters merged here, by ID.
	MergedChapters() ([]app.MergedChapter, error)
	RecordBundleExport(m app.BundleManifest, ch app.Change) error
}

// BundleService writes this chapter's bundles and merges other chapters'.
type BundleService struct {
	sheets   app.Spreadsheets
	codec    app.BundleCodec
	repo     bundleStore
	settings *SettingsService
	trust    *TrustService
	clock    app.Clock
	jobs     *Jobs
	// printer refuses, member by member, names the certificate font
	// cannot print.
	printer app.Printer

	mu sync.Mutex
	// exports are the manifests of export jobs whose file is not handed
	// over yet, by job.
	exports map[string]*app.BundleManifest
}

// ExportBundleFile writes a full bundle, or with changes one of the records
// changed since the last export, to path (mode 0600, via a temporary file
// so a failure leaves no half bundle), then records the export. It is a
// function, not a method, so that the UI, which may not name paths on this
// computer, cannot call it: it gets the bytes from StartExport.
func ExportBundleFile(s *BundleService, path string, changes bool) (app.BundleManifest, error) {
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
func (s *BundleService) buildBundle(changes bool) ([]byte, app.BundleManifest, error) {
	var m app.BundleManifest
	// The defaults' code would make every new chapter the same chapter at
	// headquarters: the chapter must have chosen its own.
	setup, found, err := s.repo.GetCertificateSetup()
	if err != nil {
		return nil, m, err
	}
	if !found || setup.ChapterCode == "" {
		return nil, m, app.Errorf(app.CodeInvalid, "bundle_no_chapter_code", "set the chapter code (Settings, Certificates) before exporting a bundle")
	}
	key, _, err := s.trust.chapterKey()
	if err != nil {
		return nil, m, err
	}
	lines, since, upTo, err := s.repo.BundleRecords(changes)
	if err != nil {
		return nil, m, err
	}
	m = app.BundleManifest{Chapter: app.BundleChapter{ID: setup.ChapterCode, Name: setup.IssuerZH},
		CreatedAt: s.clock.Now(), Kind: app.BundleFull, Since: since, UpTo: upTo}
	if changes {
		m.Kind = app.BundleChanges
	}
	var buf bytes.Buffer
	if err := s.codec.Write(&buf, &m, lines, key); err != nil {
		return nil, m, err
	}
	return buf.Bytes(), m, nil
}

// writeFileAtomic writes data to path with mode 0600 through a temporary
// file in the same folder, renamed over path only once complete.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return app.Errorf(app.CodeInvalid, "file_write", "cannot write %s: %v", path, err).WithParams("file", path)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return app.Errorf(app.CodeInvalid, "file_write", "cannot write %s: %v", path, err).WithParams("file", path)
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
func MergeVerified(ctx context.Context, s *BundleService, b *app.Bundle, acceptKey bool, progress app.Progress) (app.MergeResult, error) {
	return s.merge(ctx, b, acceptKey, progress)
}

func (s *BundleService) merge(ctx context.Context, b *app.Bundle, acceptKey bool, progress app.Progress) (app.MergeResult, error) {
	ch, err := s.settings.change()
	if err != nil {
		return app.MergeResult{}, err
	}
	var res app.MergeResult
	err = s.repo.Merge(b.Manifest.Chapter.ID, func(tx app.MergeTx) error {
		res, err = merge.Bundle(ctx, tx, b, acceptKey, s.printer.Unprintable, progress, ch)
		return err
	})
	return res, err
}

// OpenBundle reads and verifies the bundle file at path for the command
// line, leaving its audit to be checked in the background.
func OpenBundle(s *BundleService, path string) (*app.Bundle, error) { return s.codec.Open(path) }

// MergedChapters lists the chapters merged into this database.
func (s *BundleService) MergedChapters() ([]app.MergedChapter, error) { return s.repo.MergedChapters() }

// WriteConflictsXLSX writes the merges' conflicts to path (see
// conflictsXLSX), for the command line.
func WriteConflictsXLSX(s *BundleService, path string, results []app.MergeResult) error {
	data, err := s.conflictsXLSX(results)
	if err != nil {
		return err
	}
	return writeFileAtomic(path, data)
}

// conflictsXLSX is the merges' conflicts as a workbook with Chinese and
// English headers, one row per conflict.
func (s *BundleService) conflictsXLSX(results []app.MergeResult) ([]byte, error) {
	sheet := app.Sheet{Name: "冲突 Conflicts", Header: []string{"文件 Bundle", "分会 Chapter", "类型 Kind",
		"来源编号 Source ID", "原因 Reason", "字段 Field", "传入值 Incoming", "现有值 Existing", "现有编号 Existing ID"}}
	for _, r := range results {
		for _, c := range r.Conflicts {
			sheet.Rows = append(sheet.Rows, []string{c.Bundle, c.Chapter, c.Kind, c.SourceID, c.Reason, c.Field, c.Incoming, c.Existing, c.ExistingID})
		}
	}
	var buf bytes.Buffer
	err := s.sheets.WriteXLSX(&buf, []app.Sheet{sheet})
	return buf.Bytes(), err
}

// MergeOutcome is one bundle of a merge run: its result, or why it was
// refused (nothing of it merged).
type MergeOutcome struct {
	File   string           `json:"file"`
	Result *app.MergeResult `json:"result,omitempty"`
	Error  *app.Error       `json:"error,omitempty"`
}

// BundleUpload is a bundle file the UI read from the user's disk.
type BundleUpload struct {
	Name string `json:"name"`
	Data []byte `json:"data"`
}

// StartExport builds a bundle in the background and returns the job;
// JobStatus follows it and ExportResult hands the file over.
func (s *BundleService) StartExport(changes bool) (string, error) {
	m := new(app.BundleManifest)
	id := s.jobs.Start("bundle export", func(ctx context.Context, progress app.Progress) (string, []byte, error) {
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
		return "", app.Errorf(app.CodeInvalid, "bundle_none", "choose at least one bundle")
	}
	accept := map[string]bool{}
	for _, c := range acceptKeys {
		accept[c] = true
	}
	return s.jobs.Start("merge", func(ctx context.Context, progress app.Progress) (string, []byte, error) {
		const scale = 1000
		outcomes := make([]MergeOutcome, 0, len(files))
		for i, f := range files {
			o := MergeOutcome{File: f.Name}
			b, err := s.codec.Read(bytes.NewReader(f.Data), int64(len(f.Data)), f.Name)
			var r app.MergeResult
			if err == nil {
				r, err = s.merge(ctx, b, accept[b.Manifest.Chapter.ID], func(done, total int) {
					progress(i*scale+done*scale/max(total, 1), len(files)*scale)
				})
			}
			if ctx.Err() != nil {
				return "", nil, ctx.Err()
			}
			if err != nil {
				o.Error = app.AsError(err)
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
	results := []app.MergeResult{}
	for _, o := range outcomes {
		if o.Result != nil {
			results = append(results, *o.Result)
		}
	}
	data, err := s.conflictsXLSX(results)
	return FileResult{Name: "conflicts.xlsx", Data: data}, err
}
