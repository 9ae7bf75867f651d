package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"maps"
	"slices"
	"sync"

	"acedesk/app"

	"github.com/klauspost/compress/s2"
	bolt "go.etcd.io/bbolt"
)

// A chapter's audit is kept in chapter_records in chunks of up to
// auditChunkLines lines in ID order, under chapter \0 "audit" \0 the first
// line's ID: it is the largest thing a chapter sends and is only ever read
// whole, and one key per line made it a fifth of a merge's bbolt writes.
// A chunk is, per line, the uvarint ID, the uvarint length and the line,
// compressed with S2 since schema 10: the audit compresses about 13 to 1
// and S2 runs at over a gigabyte a second, while the commit writing it
// plain was a quarter of a large merge. Chunks cover disjoint ID ranges: a
// merge rewrites every chunk whose range meets the bundle's lines.
const auditChunkLines = 1024

type auditLine struct {
	id   uint64
	line []byte
}

func auditChunkPrefix(chapter string) []byte {
	return []byte(chapter + "\x00audit\x00")
}

// rawAuditChunk is a chunk before compression, as schema 9 kept it.
func rawAuditChunk(lines []auditLine) []byte {
	return appendRawAuditChunk(nil, lines)
}

func appendRawAuditChunk(out []byte, lines []auditLine) []byte {
	n := 0
	for _, l := range lines {
		n += 2*binary.MaxVarintLen64 + len(l.line)
	}
	out = slices.Grow(out, n)
	for _, l := range lines {
		out = binary.AppendUvarint(out, l.id)
		out = binary.AppendUvarint(out, uint64(len(l.line)))
		out = append(out, l.line...)
	}
	return out
}

// auditScratch holds a worker's buffers for a raw chunk and for its
// compression, each about thirteen times the size of the chunk kept:
// reusing them spares a large merge a sixth of the garbage it makes.
var auditScratch = sync.Pool{New: func() any { return new([2][]byte) }}

func encodeAuditChunk(lines []auditLine) []byte {
	buf := auditScratch.Get().(*[2][]byte)
	defer auditScratch.Put(buf)
	buf[0] = appendRawAuditChunk(buf[0][:0], lines)
	buf[1] = slices.Grow(buf[1][:0], s2.MaxEncodedLen(len(buf[0])))
	return bytes.Clone(s2.Encode(buf[1][:cap(buf[1])], buf[0]))
}

var errDamagedAuditChunk = errors.New("damaged audit chunk in chapter_records")

// decodeAuditChunk appends the chunk's lines to out.
func decodeAuditChunk(out []auditLine, compressed []byte) ([]auditLine, error) {
	chunk, err := s2.Decode(nil, compressed)
	if err != nil {
		return nil, errDamagedAuditChunk
	}
	return decodeRawAuditChunk(out, chunk)
}

// decodeRawAuditChunk appends the lines of an uncompressed chunk to out;
// they alias chunk.
func decodeRawAuditChunk(out []auditLine, chunk []byte) ([]auditLine, error) {
	for len(chunk) > 0 {
		id, n := binary.Uvarint(chunk)
		if n <= 0 {
			return nil, errDamagedAuditChunk
		}
		size, m := binary.Uvarint(chunk[n:])
		if m <= 0 || size > uint64(len(chunk)-n-m) {
			return nil, errDamagedAuditChunk
		}
		chunk = chunk[n+m:]
		out = append(out, auditLine{id, chunk[:size:size]})
		chunk = chunk[size:]
	}
	return out, nil
}

// putAuditChunks writes lines (sorted by ID) as chunks made by encode,
// which runs on every core.
func putAuditChunks(b *bolt.Bucket, chapter string, lines []auditLine, encode func([]auditLine) []byte) error {
	prefix := auditChunkPrefix(chapter)
	chunks := make([][]byte, (len(lines)+auditChunkLines-1)/auditChunkLines)
	app.InParallel(len(chunks), func(i int) error {
		chunks[i] = encode(lines[i*auditChunkLines : min((i+1)*auditChunkLines, len(lines))])
		return nil
	})
	for i, chunk := range chunks {
		if err := b.Put(append(slices.Clip(prefix), itob(lines[i*auditChunkLines].id)...), chunk); err != nil {
			return err
		}
	}
	return nil
}

// archiveAudit keeps the bundle's audit lines (sorted by ID, no ID twice),
// counting each as added, updated or unchanged; when none is new or
// changed, nothing is written, so a second merge changes nothing.
func archiveAudit(b *bolt.Bucket, chapter string, in []auditLine, count *app.MergeCount, step func() error) error {
	if len(in) == 0 {
		return nil
	}
	prefix := auditChunkPrefix(chapter)
	lo, hi := in[0].id, in[len(in)-1].id
	// The chunks to rewrite: the one lo falls in (starting at or before
	// it) and every one starting up to hi.
	c := b.Cursor()
	k, v := c.Seek(append(slices.Clip(prefix), itob(lo)...))
	if k == nil || !bytes.HasPrefix(k, prefix) || btoi(k[len(prefix):]) > lo {
		if pk, pv := c.Prev(); pk != nil && bytes.HasPrefix(pk, prefix) {
			k, v = pk, pv
		} else {
			k, v = c.Seek(prefix)
		}
	}
	var old []auditLine
	var stale [][]byte
	for ; k != nil && bytes.HasPrefix(k, prefix) && btoi(k[len(prefix):]) <= hi; k, v = c.Next() {
		if len(k) != len(prefix)+8 {
			return errDamagedAuditChunk
		}
		var err error
		if old, err = decodeAuditChunk(old, v); err != nil {
			return err
		}
		stale = append(stale, bytes.Clone(k))
	}
	changed, i := false, 0
	for _, x := range in {
		if err := step(); err != nil {
			return err
		}
		for i < len(old) && old[i].id < x.id {
			i++
		}
		switch {
		case i < len(old) && old[i].id == x.id && bytes.Equal(old[i].line, x.line):
			count.Unchanged++
		case i < len(old) && old[i].id == x.id:
			count.Updated++
			changed = true
		default:
			count.Added++
			changed = true
		}
	}
	if !changed {
		return nil
	}
	merged := make([]auditLine, 0, len(old)+len(in))
	i = 0
	for _, x := range in {
		for i < len(old) && old[i].id < x.id {
			merged = append(merged, old[i])
			i++
		}
		if i < len(old) && old[i].id == x.id {
			i++
		}
		merged = append(merged, x)
	}
	merged = append(merged, old[i:]...)
	for _, k := range stale {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return putAuditChunks(b, chapter, merged, encodeAuditChunk)
}

// chapterAudit is the audit a chapter sent, in ID order.
func chapterAudit(b *bolt.Bucket, chapter string) ([]auditLine, error) {
	prefix := auditChunkPrefix(chapter)
	var out []auditLine
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var err error
		if out, err = decodeAuditChunk(out, v); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// chunkChapterAudits moves the chapters' audit lines, kept one key per
// line (chapter \0 "audit" \0 ID) until schema 9, into chunks.
func chunkChapterAudits(tx *bolt.Tx) error {
	b := tx.Bucket(bucketChapterRecords)
	byChapter := map[string][]auditLine{}
	err := takeKeys(b, func(k, v []byte) (bool, error) {
		chapter, rest, _ := bytes.Cut(k, []byte{0})
		id, ok := bytes.CutPrefix(rest, []byte("audit\x00"))
		if !ok {
			return false, nil
		}
		if len(id) != 8 {
			return false, errDamagedAuditChunk
		}
		byChapter[string(chapter)] = append(byChapter[string(chapter)], auditLine{btoi(id), bytes.Clone(v)})
		return true, nil
	})
	if err != nil {
		return err
	}
	for _, chapter := range slices.Sorted(maps.Keys(byChapter)) {
		if err := putAuditChunks(b, chapter, byChapter[chapter], rawAuditChunk); err != nil {
			return err
		}
	}
	return nil
}

// compressChapterAudits compresses the chunks schema 9 kept plain.
func compressChapterAudits(tx *bolt.Tx) error {
	b := tx.Bucket(bucketChapterRecords)
	var keys, chunks [][]byte
	err := b.ForEach(func(k, v []byte) error {
		_, rest, _ := bytes.Cut(k, []byte{0})
		if bytes.HasPrefix(rest, []byte("audit\x00")) {
			if _, err := decodeRawAuditChunk(nil, v); err != nil {
				return err
			}
			keys, chunks = append(keys, bytes.Clone(k)), append(chunks, s2.Encode(nil, v))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i, k := range keys {
		if err := b.Put(k, chunks[i]); err != nil {
			return err
		}
	}
	return nil
}
