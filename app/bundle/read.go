package bundle

import (
	"archive/zip"
	"bufio"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"

	"acedesk/app"

	"github.com/klauspost/compress/flate"
)

// ReadBundle verifies the bundle in r (size bytes, called name in errors)
// and returns its records: the manifest's signature by the key it names,
// the format and version, every data file's hash and row count, UTF-8 JSON
// on every line and unique IDs. Any failure refuses the whole bundle. It
// does not decide whether the key is trusted: merging does.
func ReadBundle(r io.ReaderAt, size int64, name string) (*app.Bundle, error) {
	b, err := OpenBundle(r, size, name)
	if err == nil {
		err = b.Load()
	}
	if err == nil {
		err = b.Finish()
	}
	if err != nil {
		return nil, err
	}
	return b, nil
}

// OpenBundle checks what can be checked of a bundle without reading its
// data: the zip's list of entries, the manifest, its signature, and that
// every file is one this version has, each within the limits. Its data is
// read by b.Load, once whoever merges has decided to trust the key; Load
// leaves the audit, the largest file and the last a merge needs, to be
// checked in the background on one core: a merge places the other records
// meanwhile and calls Finish before it keeps the audit, writing nothing if
// it fails. r must stay readable until then.
func OpenBundle(r io.ReaderAt, size int64, name string) (*app.Bundle, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, RefuseBundle(name, name, BundleTruncated, "not a complete zip file: "+err.Error())
	}
	// klauspost's inflate is a third faster than the standard library's
	// on a large bundle; packFile deflates with it too.
	zr.RegisterDecompressor(zip.Deflate, flate.NewReader)
	entries := map[string]*zip.File{}
	var total uint64
	for _, f := range zr.File {
		if _, dup := entries[f.Name]; dup {
			return nil, RefuseBundle(name, f.Name, BundleUnexpectedFile, "the file appears twice")
		}
		entries[f.Name] = f
		if total += f.UncompressedSize64; total > MaxBundleBytes {
			return nil, RefuseBundle(name, f.Name, BundleTooLarge, "the files together are larger than "+strconv.Itoa(MaxBundleBytes)+" bytes")
		}
	}
	manifestBytes, err := readSmallEntry(name, entries, BundleManifestFile, MaxBundleManifestBytes)
	if err != nil {
		return nil, err
	}
	sig, err := readSmallEntry(name, entries, BundleSignatureFile, ed25519.SignatureSize)
	if err != nil {
		return nil, err
	}
	m, pub, err := parseBundleManifest(name, manifestBytes)
	if err != nil {
		return nil, err
	}
	if len(sig) != ed25519.SignatureSize || !ed25519.Verify(pub, manifestBytes, sig) {
		return nil, RefuseBundle(name, BundleSignatureFile, BundleBadSignature, "the signature does not match the manifest and its public key")
	}
	files := versionFiles(m.Version)
	known := map[string]bool{BundleManifestFile: true, BundleSignatureFile: true}
	for _, f := range files {
		known[f.name] = true
	}
	for n := range m.Files {
		if !known[n] {
			return nil, RefuseBundle(name, n, BundleUnexpectedFile, "the manifest lists a file this version does not have")
		}
	}
	extra := []string{}
	for n := range entries {
		if !known[n] {
			extra = append(extra, n)
		}
	}
	if len(extra) > 0 {
		slices.Sort(extra)
		return nil, RefuseBundle(name, extra[0], BundleUnexpectedFile, "a file this version does not have")
	}
	for _, f := range files {
		if err := checkListed(name, m, f, entries); err != nil {
			return nil, err
		}
	}
	b := &app.Bundle{Name: name, Manifest: m, PublicKey: pub}
	var once sync.Once
	var loadErr error
	b.Load = func() error {
		once.Do(func() { loadErr = loadData(b, entries, files) })
		return loadErr
	}
	return b, nil
}

// checkListed refuses a data file that is missing, that the manifest does
// not list, or that would exceed a limit by what the zip and the manifest
// declare, before any of it is inflated.
func checkListed(bundle string, m app.BundleManifest, f bundleFileSpec, entries map[string]*zip.File) error {
	e, ok := entries[f.name]
	if !ok {
		return RefuseBundle(bundle, f.name, BundleMissingFile, "the file is missing")
	}
	info, listed := m.Files[f.name]
	switch {
	case !listed:
		return RefuseBundle(bundle, f.name, BundleBadManifest, "the manifest does not list this file")
	case e.UncompressedSize64 > MaxBundleFileBytes:
		return RefuseBundle(bundle, f.name, BundleTooLarge, "larger than "+strconv.Itoa(MaxBundleFileBytes)+" bytes")
	case info.Rows < 0:
		return RefuseBundle(bundle, f.name, BundleBadManifest, "a negative number of rows")
	case info.Rows > MaxBundleRows[f.name]:
		return RefuseBundle(bundle, f.name, BundleTooManyRows, "the manifest lists "+strconv.Itoa(info.Rows)+" rows; a bundle may have at most "+
			strconv.Itoa(MaxBundleRows[f.name])).WithParams("max", strconv.Itoa(MaxBundleRows[f.name]))
	}
	return nil
}

// loadData reads every data file into b.Data but the audit, which it
// leaves to be checked in the background (see app.Bundle.Finish).
func loadData(b *app.Bundle, entries map[string]*zip.File, files []bundleFileSpec) error {
	var audit bundleFileSpec
	for _, f := range files {
		if f.name == app.BundleAuditFile {
			audit = f
			continue
		}
		if err := readDataFile(b, f, entries[f.name], runtime.GOMAXPROCS(0)); err != nil {
			return err
		}
	}
	done := make(chan error, 1)
	go func() { done <- readDataFile(b, audit, entries[audit.name], 1) }()
	b.AuditCheck = done
	return nil
}

// Lines are decoded in batches of this many lines or bytes, whichever
// comes first: enough to spread over the cores, little to hold.
const (
	batchLines = 8192
	batchBytes = 8 << 20
)

// readDataFile streams a data file through its hash and its decoder,
// checking each line as it comes: UTF-8, within MaxBundleLineBytes, no
// more lines than the manifest lists. The first problem found stops the
// decoding, not the hashing: a file the manifest's hash does not vouch for
// is refused as such, whatever else is wrong with it.
func readDataFile(b *app.Bundle, f bundleFileSpec, e *zip.File, workers int) error {
	info := b.Manifest.Files[f.name]
	rc, err := e.Open()
	if err != nil {
		return RefuseBundle(b.Name, f.name, BundleTruncated, err.Error())
	}
	defer rc.Close()
	hash := sha256.New()
	in := bufio.NewReaderSize(io.TeeReader(rc, hash), 64<<10)
	dec := f.decoder(info.Rows)
	var (
		problem error
		rows    int
		arena   []byte
		ends    []int
	)
	flush := func() {
		if problem == nil && len(ends) > 0 {
			lines := make([][]byte, len(ends))
			for i, end := range ends {
				lines[i] = arena[lastEnd(ends[:i]):end]
			}
			if err := dec.batch(rows-len(ends), lines, workers); err != nil {
				problem = RefuseBundle(b.Name, f.name, BundleBadEncoding, err.Error())
			}
		}
		arena, ends = arena[:0], ends[:0]
	}
	for problem == nil {
		chunk, err := in.ReadSlice('\n')
		if len(arena)-lastEnd(ends)+len(chunk) > MaxBundleLineBytes+1 {
			problem = RefuseBundle(b.Name, f.name, BundleLineTooLong, "line "+strconv.Itoa(rows+1)+" is longer than "+strconv.Itoa(MaxBundleLineBytes)+" bytes").
				WithParams("max", strconv.Itoa(MaxBundleLineBytes))
			break
		}
		arena = append(arena, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == io.EOF {
			if len(chunk) > 0 {
				problem = RefuseBundle(b.Name, f.name, BundleBadEncoding, "the last line does not end with a newline")
			}
			break
		}
		if err != nil {
			return RefuseBundle(b.Name, f.name, BundleTruncated, err.Error())
		}
		rows++
		line := arena[lastEnd(ends) : len(arena)-1]
		switch {
		case rows > info.Rows:
			problem = RefuseBundle(b.Name, f.name, BundleRowCount, "the manifest says "+strconv.Itoa(info.Rows)+" rows, the file has more")
		case !utf8.Valid(line):
			problem = RefuseBundle(b.Name, f.name, BundleBadEncoding, "not UTF-8")
		default:
			arena = arena[:len(arena)-1]
			ends = append(ends, len(arena))
			if len(ends) == batchLines || len(arena) >= batchBytes {
				flush()
			}
		}
	}
	flush()
	// The rest of the file is only hashed, without keeping any of it.
	if _, err := io.Copy(io.Discard, in); err != nil {
		return RefuseBundle(b.Name, f.name, BundleTruncated, err.Error())
	}
	if hex.EncodeToString(hash.Sum(nil)) != info.SHA256 {
		return RefuseBundle(b.Name, f.name, BundleHashMismatch, "the file's SHA-256 is not the one the manifest signs")
	}
	if problem != nil {
		return problem
	}
	if dup := dec.finish(&b.Data, rows); dup != "" {
		return RefuseBundle(b.Name, f.name, BundleDuplicateID, "the id "+dup+" appears twice").WithParams("id", dup)
	}
	if rows != info.Rows {
		return RefuseBundle(b.Name, f.name, BundleRowCount, "the manifest says "+strconv.Itoa(info.Rows)+" rows, the file has "+strconv.Itoa(rows))
	}
	return nil
}

// lastEnd is where the lines in the arena end.
func lastEnd(ends []int) int {
	if len(ends) == 0 {
		return 0
	}
	return ends[len(ends)-1]
}

// readSmallEntry reads a whole entry of at most limit bytes (the manifest,
// the signature) into a buffer of the size the zip declares, checked
// against limit first; archive/zip refuses an entry that inflates to
// another size.
func readSmallEntry(bundle string, entries map[string]*zip.File, file string, limit int64) ([]byte, error) {
	f, ok := entries[file]
	if !ok {
		return nil, RefuseBundle(bundle, file, BundleMissingFile, "the file is missing")
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, RefuseBundle(bundle, file, BundleTooLarge, "larger than "+strconv.FormatInt(limit, 10)+" bytes")
	}
	rc, err := f.Open()
	if err != nil {
		return nil, RefuseBundle(bundle, file, BundleTruncated, err.Error())
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, int64(f.UncompressedSize64)+1))
	if err != nil {
		return nil, RefuseBundle(bundle, file, BundleTruncated, err.Error())
	}
	if len(data) > int(f.UncompressedSize64) {
		return nil, RefuseBundle(bundle, file, BundleTooLarge, "larger than the zip says")
	}
	return data, nil
}
