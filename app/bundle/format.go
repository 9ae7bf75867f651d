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

// Limits keep a hostile file from exhausting memory or time; each refusal
// names the limit it hit. The zip may hold at most MaxBundleBytes in all
// once inflated, a data file at most MaxBundleFileBytes, the manifest at
// most MaxBundleManifestBytes; the sizes the zip declares are checked
// before anything is inflated, and archive/zip refuses an entry that
// inflates beyond its declared size. A data file is read as a stream,
// line by line: a line may not be longer than MaxBundleLineBytes, and a
// file may not have more rows than MaxBundleRows gives its kind (checked
// against the manifest before the file is read, and as it is read). The
// rows are five to ten times a large chapter's (10,000 members, 200,000
// contributions), so that headquarters can pass on what it merged.
const (
	MaxBundleFileBytes     = 256 << 20
	MaxBundleManifestBytes = 1 << 20
	MaxBundleBytes         = 1 << 30
	MaxBundleLineBytes     = 1 << 20
)

// MaxBundleRows is the most rows each data file may have.
var MaxBundleRows = map[string]int{
	"members.jsonl": 100_000, "groups.jsonl": 10_000, "events.jsonl": 100_000,
	"contributions.jsonl": 1_000_000, "decisions.jsonl": 100_000, "batches.jsonl": 1_000,
	"levels.jsonl": 100_000, "certificates.jsonl": 200_000, "trophies.jsonl": 100_000,
	app.BundleAuditFile: 2_000_000, "deletions.jsonl": 1_000_000,
}

// bundleFileSpec binds a data file to its slice in BundleData.
type bundleFileSpec struct {
	name string
	// since is the format version that added the file.
	since  int
	encode func(d *app.BundleData) ([][]byte, error)
	// decoder decodes the file's lines, of which the manifest lists rows.
	decoder func(rows int) fileDecoder
}

// fileDecoder decodes a data file batch by batch as it is read.
type fileDecoder interface {
	// batch decodes lines, those after the file's first lines, on up to
	// workers cores, refusing a line that is not a record.
	batch(first int, lines [][]byte, workers int) error
	// finish keeps the first n records in d, unless a key appears twice:
	// then it returns that key.
	finish(d *app.BundleData, n int) (dup string)
}

// linesDecoder decodes lines into T, unique by key.
type linesDecoder[T any, K comparable] struct {
	out   []T
	slice func(*app.BundleData) *[]T
	key   func(*T) K
	parse func(line []byte, v *T) error
}

func (x *linesDecoder[T, K]) batch(first int, lines [][]byte, workers int) error {
	return app.InParallelOn(workers, len(lines), func(i int) error {
		if err := x.parse(lines[i], &x.out[first+i]); err != nil {
			return errors.New("line " + strconv.Itoa(first+i+1) + ": " + err.Error())
		}
		return nil
	})
}

func (x *linesDecoder[T, K]) finish(d *app.BundleData, n int) string {
	out := x.out[:n]
	seen := make(map[K]struct{}, len(out))
	for i := range out {
		k := x.key(&out[i])
		if _, dup := seen[k]; dup {
			return fmt.Sprint(k)
		}
		seen[k] = struct{}{}
	}
	*x.slice(d) = out
	return ""
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
		decoder: func(rows int) fileDecoder {
			return &linesDecoder[T, K]{out: make([]T, rows), slice: slice, key: key, parse: parse}
		},
	}
}

// bundleSpec is a data file of records encoding/json reads and writes.
func bundleSpec[T any, K comparable](name string, slice func(*app.BundleData) *[]T, key func(*T) K) bundleFileSpec {
	return linesSpec(name, slice, key,
		func(line []byte, v *T) error { return json.Unmarshal(line, v) },
		func(v *T) ([]byte, error) { return json.Marshal(v) })
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
	BundleTooManyRows    = "bundle_too_many_rows"
	BundleLineTooLong    = "bundle_line_too_long"
)

func RefuseBundle(bundle, file, reason, detail string) *app.Error {
	where := bundle + ": " + file
	if file == bundle {
		where = bundle
	}
	return app.Errorf(app.CodeInvalid, reason, "%s: %s", where, detail).
		WithParams("bundle", bundle, "file", file, "detail", detail)
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
	case m.Chapter.Validate() != nil:
		return m, nil, RefuseBundle(bundle, BundleManifestFile, BundleBadManifest,
			"chapter: "+app.AsError(m.Chapter.Validate()).Message+" (the id is 2 to 6 capital letters; names have no control characters)")
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
