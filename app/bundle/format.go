// Package bundle is the chapter bundle codec (.acebundle): a zip with a
// manifest signed by the chapter key and the chapter's data as JSON Lines.
// The README's "Chapter bundles" section is the format's specification;
// this package is one implementation, app.BundleCodec to the services.
package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"

	"acedesk/app"

	"github.com/klauspost/compress/flate"
)

// BundleFormat names the file type in the manifest; BundleVersion is the
// layout this build writes. It reads every version from 1: version 2
// added deletions.jsonl, version 3 keeps a holding per member and year in
// levels.jsonl (1 and 2 kept one per member, over years "from" through
// "valid_through").
const (
	BundleFormat  = "acedesk-bundle"
	BundleVersion = 3

	BundleManifestFile  = "manifest.json"
	BundleSignatureFile = "manifest.sig"
)

// Limits keep a hostile file from exhausting memory: a data file may not
// inflate beyond MaxBundleFileBytes, the manifest beyond
// MaxBundleManifestBytes, all entries together beyond MaxBundleBytes. The
// sizes the zip declares are checked before anything is inflated, and
// archive/zip refuses an entry that inflates beyond its declared size.
const (
	MaxBundleFileBytes     = 256 << 20
	MaxBundleManifestBytes = 1 << 20
	MaxBundleBytes         = 1 << 30
)

// bundleFileSpec binds a data file to its slice in BundleData.
type bundleFileSpec struct {
	name string
	// since is the format version that added the file.
	since  int
	encode func(d *app.BundleData) ([][]byte, error)
	// decode refuses a line that is not a record and returns the first
	// key that appears twice, if any; it runs on up to workers cores.
	decode func(d *app.BundleData, lines [][]byte, workers int) (dup string, err error)
}

// linesSpec is a data file whose lines parse into T, unique by key.
func linesSpec[T any, K comparable](name string, slice func(*app.BundleData) *[]T, key func(*T) K,
	parse func(line []byte, v *T) error, format func(*T) ([]byte, error)) bundleFileSpec {
	return bundleFileSpec{
		name: name,
		encode: func(d *app.BundleData) ([][]byte, error) {
			out := make([][]byte, len(*slice(d)))
			for i := range *slice(d) {
				var err error
				if out[i], err = format(&(*slice(d))[i]); err != nil {
					return nil, err
				}
			}
			return out, nil
		},
		decode: func(d *app.BundleData, lines [][]byte, workers int) (string, error) {
			out := make([]T, len(lines))
			err := app.InParallelOn(workers, len(lines), func(i int) error {
				if err := parse(lines[i], &out[i]); err != nil {
					return errors.New("line " + strconv.Itoa(i+1) + ": " + err.Error())
				}
				return nil
			})
			if err != nil {
				return "", err
			}
			seen := make(map[K]struct{}, len(out))
			for i := range out {
				k := key(&out[i])
				if _, dup := seen[k]; dup {
					return fmt.Sprint(k), nil
				}
				seen[k] = struct{}{}
			}
			*slice(d) = out
			return "", nil
		},
	}
}

// bundleSpec is a data file of records encoding/json reads and writes.
func bundleSpec[T any, K comparable](name string, slice func(*app.BundleData) *[]T, key func(*T) K) bundleFileSpec {
	return linesSpec(name, slice, key,
		func(line []byte, v *T) error { return json.Unmarshal(line, v) },
		func(v *T) ([]byte, error) { return json.Marshal(v) })
}

// splitLines cuts a data file into its lines, without their newlines.
func splitLines(content []byte) ([][]byte, error) {
	lines := make([][]byte, 0, bytes.Count(content, []byte{'\n'}))
	for len(content) > 0 {
		line, rest, found := bytes.Cut(content, []byte{'\n'})
		if !found {
			return nil, errors.New("the last line does not end with a newline")
		}
		lines, content = append(lines, line), rest
	}
	return lines, nil
}

// BundleAuditFile is the largest data file: StartReadBundle checks it in
// the background.

// files lists the data files in the order they are written.
var bundleFiles = []bundleFileSpec{
	bundleSpec("members.jsonl", func(d *app.BundleData) *[]app.Member { return &d.Members }, func(m *app.Member) uint64 { return m.ID }),
	bundleSpec("groups.jsonl", func(d *app.BundleData) *[]app.Group { return &d.Groups }, func(g *app.Group) uint64 { return g.ID }),
	bundleSpec("events.jsonl", func(d *app.BundleData) *[]app.Event { return &d.Events }, func(e *app.Event) uint64 { return e.ID }),
	linesSpec("contributions.jsonl", func(d *app.BundleData) *[]app.Contribution { return &d.Contributions }, func(c *app.Contribution) uint64 { return c.ID },
		decodeContribution, func(c *app.Contribution) ([]byte, error) { return app.MarshalContribution(c) }),
	bundleSpec("decisions.jsonl", func(d *app.BundleData) *[]app.Decision { return &d.Decisions }, func(x *app.Decision) uint64 { return x.ID }),
	bundleSpec("batches.jsonl", func(d *app.BundleData) *[]app.Batch { return &d.Batches }, func(b *app.Batch) string { return b.ID }),
	bundleSpec("levels.jsonl", func(d *app.BundleData) *[]app.Holding { return &d.Levels }, func(h *app.Holding) [2]uint64 { return [2]uint64{h.MemberID, uint64(h.Year)} }),
	bundleSpec("certificates.jsonl", func(d *app.BundleData) *[]app.Certificate { return &d.Certificates }, func(c *app.Certificate) string { return c.Serial }),
	bundleSpec("trophies.jsonl", func(d *app.BundleData) *[]app.BundleTrophy { return &d.Trophies }, func(t *app.BundleTrophy) string { return t.BatchID + "/" + strconv.FormatUint(t.MemberID, 10) }),
	linesSpec(app.BundleAuditFile, func(d *app.BundleData) *[]app.BundleAudit { return &d.Audit }, func(a *app.BundleAudit) uint64 { return a.ID },
		parseBundleAudit, func(a *app.BundleAudit) ([]byte, error) { return a.Line, nil }),
	addedIn(2, linesSpec("deletions.jsonl", func(d *app.BundleData) *[]app.BundleDeletion { return &d.Deletions },
		func(x *app.BundleDeletion) app.BundleDeletion { return *x }, parseDeletion, func(x *app.BundleDeletion) ([]byte, error) { return json.Marshal(x) })),
}

// parseDeletion refuses a deletion of a kind this version does not know,
// which headquarters could not apply.
func parseDeletion(line []byte, x *app.BundleDeletion) error {
	if err := json.Unmarshal(line, x); err != nil {
		return err
	}
	if !slices.Contains(app.DeletableEntities, x.Entity) {
		return errors.New("entity " + strconv.Quote(x.Entity) + " is not one whose deletion a bundle carries")
	}
	return nil
}

func addedIn(version int, f bundleFileSpec) bundleFileSpec {
	f.since = version
	return f
}

// versionFiles lists the data files a bundle of version has.
func versionFiles(version int) []bundleFileSpec {
	return slices.DeleteFunc(slices.Clone(bundleFiles), func(f bundleFileSpec) bool { return f.since > version })
}

// BundleFileNames lists the data files of the bundles this build writes.
func BundleFileNames() []string {
	out := make([]string, len(bundleFiles))
	for i, f := range bundleFiles {
		out[i] = f.name
	}
	return out
}

// DataLines encodes typed records as BundleLines.
func DataLines(d *app.BundleData) (app.BundleLines, error) {
	out := app.BundleLines{}
	for _, f := range bundleFiles {
		lines, err := f.encode(d)
		if err != nil {
			return nil, err
		}
		out[f.name] = lines
	}
	return out, nil
}

// packedFile is a data file ready for the zip: hashed and deflated.
type packedFile struct {
	rows       int
	sha256     string
	crc32      uint32
	size       uint64
	compressed bytes.Buffer
	err        error
}

func packFile(lines [][]byte) *packedFile {
	p := &packedFile{rows: len(lines)}
	n := 0
	for _, l := range lines {
		n += len(l) + 1
	}
	content := make([]byte, 0, n)
	for _, l := range lines {
		content = append(append(content, l...), '\n')
	}
	sum := sha256.Sum256(content)
	p.sha256, p.crc32, p.size = hex.EncodeToString(sum[:]), crc32.ChecksumIEEE(content), uint64(len(content))
	// Speed over size: a bundle is mailed once, written often.
	fw, err := flate.NewWriter(&p.compressed, flate.BestSpeed)
	if err == nil {
		_, err = fw.Write(content)
	}
	if err == nil {
		err = fw.Close()
	}
	p.err = err
	return p
}

// WriteBundle writes the records as a bundle signed with key. m gives the
// chapter, kind, Since, UpTo and CreatedAt; WriteBundle fills in the rest.
// The data files are hashed and deflated on every core.
func WriteBundle(w io.Writer, m *app.BundleManifest, lines app.BundleLines, key ed25519.PrivateKey) error {
	if len(key) != ed25519.PrivateKeySize {
		return errors.New("bundle: not an Ed25519 private key")
	}
	pub := key.Public().(ed25519.PublicKey)
	m.Format, m.Version = BundleFormat, BundleVersion
	m.PublicKey, m.KeyID = base64.StdEncoding.EncodeToString(pub), keyIDHex(pub)
	m.CreatedAt = m.CreatedAt.UTC()
	m.Files = make(map[string]app.BundleFileInfo, len(bundleFiles))
	packed := make([]*packedFile, len(bundleFiles))
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, f := range bundleFiles {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			packed[i] = packFile(lines[f.name])
		})
	}
	wg.Wait()
	for i, f := range bundleFiles {
		if packed[i].err != nil {
			return packed[i].err
		}
		m.Files[f.name] = app.BundleFileInfo{Rows: packed[i].rows, SHA256: packed[i].sha256}
	}
	manifest, err := json.MarshalIndent(*m, "", "  ")
	if err != nil {
		return err
	}
	manifest = append(manifest, '\n')
	zw := zip.NewWriter(w)
	for _, e := range []struct {
		name string
		data []byte
	}{{BundleManifestFile, manifest}, {BundleSignatureFile, ed25519.Sign(key, manifest)}} {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: m.CreatedAt})
		if err != nil {
			return err
		}
		if _, err := fw.Write(e.data); err != nil {
			return err
		}
	}
	for i, f := range bundleFiles {
		p := packed[i]
		fw, err := zw.CreateRaw(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: m.CreatedAt,
			CRC32: p.crc32, CompressedSize64: uint64(p.compressed.Len()), UncompressedSize64: p.size})
		if err != nil {
			return err
		}
		if _, err := p.compressed.WriteTo(fw); err != nil {
			return err
		}
	}
	return zw.Close()
}

// Reasons a bundle is refused; each error names the bundle and the file.
const (
	BundleTruncated      = "bundle_truncated"
	BundleMissingFile    = "bundle_missing_file"
	BundleUnexpectedFile = "bundle_unexpected_file"
	BundleTooLarge       = "bundle_too_large"
	BundleBadEncoding    = "bundle_bad_encoding"
	BundleUnknownFormat  = "bundle_unknown_format"
	BundleUnknownVersion = "bundle_unknown_version"
	BundleBadManifest    = "bundle_bad_manifest"
	BundleBadSignature   = "bundle_bad_signature"
	BundleHashMismatch   = "bundle_hash_mismatch"
	BundleRowCount       = "bundle_row_count"
	BundleDuplicateID    = "bundle_duplicate_id"
)

func RefuseBundle(bundle, file, reason, detail string) *app.Error {
	where := bundle + ": " + file
	if file == bundle {
		where = bundle
	}
	return app.Errorf(app.CodeInvalid, reason, "%s: %s", where, detail).
		WithParams("bundle", bundle, "file", file, "detail", detail)
}

// ReadBundle verifies the bundle in r (size bytes, called name in errors)
// and returns its records: the manifest's signature by the key it names,
// the format and version, every data file's hash and row count, UTF-8 JSON
// on every line and unique IDs. Any failure refuses the whole bundle. It
// does not decide whether the key is trusted: merging does.
func ReadBundle(r io.ReaderAt, size int64, name string) (*app.Bundle, error) {
	b, err := StartReadBundle(r, size, name)
	if err == nil {
		err = b.Finish()
	}
	if err != nil {
		return nil, err
	}
	return b, nil
}

// StartReadBundle verifies a bundle as ReadBundle does but leaves its
// audit, the largest file and the last a merge needs, to be checked in the
// background on one core: a merge places the other records meanwhile and
// calls Finish before it keeps the audit, writing nothing if it fails. r
// must stay readable until then.
func StartReadBundle(r io.ReaderAt, size int64, name string) (*app.Bundle, error) {
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
	manifestBytes, err := readBundleEntry(name, entries, BundleManifestFile, MaxBundleManifestBytes)
	if err != nil {
		return nil, err
	}
	sig, err := readBundleEntry(name, entries, BundleSignatureFile, ed25519.SignatureSize)
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
	known := map[string]bool{BundleManifestFile: true, BundleSignatureFile: true}
	b := &app.Bundle{Name: name, Manifest: m, PublicKey: pub}
	var now []bundleFileSpec
	var audit bundleFileSpec
	for _, f := range versionFiles(m.Version) {
		known[f.name] = true
		if f.name == app.BundleAuditFile {
			audit = f
		} else {
			now = append(now, f)
		}
	}
	contents := readBundleFiles(name, entries, now)
	for i, f := range now {
		if err := checkBundleFile(b, f, contents[i], runtime.GOMAXPROCS(0)); err != nil {
			return nil, err
		}
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
	done := make(chan error, 1)
	go func() {
		done <- checkBundleFile(b, audit, readBundleFiles(name, entries, []bundleFileSpec{audit})[0], 1)
	}()
	b.AuditCheck = done
	return b, nil
}

// checkBundleFile checks a data file as read against the manifest and
// decodes it into b.Data.
func checkBundleFile(b *app.Bundle, f bundleFileSpec, c bundleContent, workers int) error {
	info, listed := b.Manifest.Files[f.name]
	if !listed {
		return RefuseBundle(b.Name, f.name, BundleBadManifest, "the manifest does not list this file")
	}
	if c.err != nil {
		return c.err
	}
	if c.sha256 != info.SHA256 {
		return RefuseBundle(b.Name, f.name, BundleHashMismatch, "the file's SHA-256 is not the one the manifest signs")
	}
	if !c.utf8 {
		return RefuseBundle(b.Name, f.name, BundleBadEncoding, "not UTF-8")
	}
	lines, err := splitLines(c.data)
	if err != nil {
		return RefuseBundle(b.Name, f.name, BundleBadEncoding, err.Error())
	}
	dup, err := f.decode(&b.Data, lines, workers)
	if err != nil {
		return RefuseBundle(b.Name, f.name, BundleBadEncoding, err.Error())
	}
	if dup != "" {
		return RefuseBundle(b.Name, f.name, BundleDuplicateID, "the id "+dup+" appears twice").WithParams("id", dup)
	}
	if len(lines) != info.Rows {
		return RefuseBundle(b.Name, f.name, BundleRowCount, "the manifest says "+strconv.Itoa(info.Rows)+" rows, the file has "+strconv.Itoa(len(lines)))
	}
	return nil
}

// bundleContent is a data file as read, with what its bytes are checked for.
type bundleContent struct {
	data   []byte
	sha256 string
	utf8   bool
	err    error
}

// readBundleFiles inflates, hashes and checks the encoding of the data
// files on every core: a large bundle's audit and contributions inflate
// side by side.
func readBundleFiles(bundle string, entries map[string]*zip.File, files []bundleFileSpec) []bundleContent {
	out := make([]bundleContent, len(files))
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			c := &out[i]
			if c.data, c.err = readBundleEntry(bundle, entries, f.name, MaxBundleFileBytes); c.err == nil {
				sum := sha256.Sum256(c.data)
				c.sha256, c.utf8 = hex.EncodeToString(sum[:]), utf8.Valid(c.data)
			}
		})
	}
	wg.Wait()
	return out
}

// readBundleEntry reads a whole entry into a buffer of the size the zip
// declares (checked against limit first), so a large file is not copied
// as it grows; archive/zip refuses an entry that inflates to another size.
func readBundleEntry(bundle string, entries map[string]*zip.File, file string, limit int64) ([]byte, error) {
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
	// One byte beyond the declared size, to read the end of the entry
	// (where archive/zip checks the CRC) into room that is never filled.
	data := make([]byte, 0, f.UncompressedSize64+1)
	for {
		if len(data) == cap(data) {
			return nil, RefuseBundle(bundle, file, BundleTooLarge, "larger than the zip says")
		}
		n, err := rc.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, RefuseBundle(bundle, file, BundleTruncated, err.Error())
		}
	}
}

// parseBundleManifest checks the format and version before anything else, so a
// newer layout is refused as such rather than as damaged.
func parseBundleManifest(bundle string, data []byte) (app.BundleManifest, ed25519.PublicKey, error) {
	var m app.BundleManifest
	if !utf8.Valid(data) {
		return m, nil, RefuseBundle(bundle, BundleManifestFile, BundleBadEncoding, "not UTF-8")
	}
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return m, nil, RefuseBundle(bundle, BundleManifestFile, BundleBadEncoding, err.Error())
	}
	if head.Format != BundleFormat {
		return m, nil, RefuseBundle(bundle, BundleManifestFile, BundleUnknownFormat, "format is "+strconv.Quote(head.Format)+", not "+BundleFormat)
	}
	if head.Version < 1 || head.Version > BundleVersion {
		return m, nil, RefuseBundle(bundle, BundleManifestFile, BundleUnknownVersion, "version "+strconv.Itoa(head.Version)+"; this ACE Desk reads versions 1 to "+strconv.Itoa(BundleVersion)).
			WithParams("version", strconv.Itoa(head.Version))
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return m, nil, RefuseBundle(bundle, BundleManifestFile, BundleBadEncoding, err.Error())
	}
	pub, err := base64.StdEncoding.Strict().DecodeString(m.PublicKey)
	switch {
	case err != nil || len(pub) != ed25519.PublicKeySize:
		return m, nil, RefuseBundle(bundle, BundleManifestFile, BundleBadManifest, "public_key is not a base64 Ed25519 public key")
	case m.KeyID != keyIDHex(pub):
		return m, nil, RefuseBundle(bundle, BundleManifestFile, BundleBadManifest, "key_id is not the public key's")
	case m.Chapter.ID == "":
		return m, nil, RefuseBundle(bundle, BundleManifestFile, BundleBadManifest, "chapter.id is empty")
	case m.Kind != app.BundleFull && m.Kind != app.BundleChanges:
		return m, nil, RefuseBundle(bundle, BundleManifestFile, BundleBadManifest, "kind is neither full nor changes")
	}
	return m, ed25519.PublicKey(pub), nil
}

// keyIDHex is the key ID certificates print, in hex.
func keyIDHex(pub []byte) string {
	id := app.KeyID(pub)
	return hex.EncodeToString(id[:])
}
