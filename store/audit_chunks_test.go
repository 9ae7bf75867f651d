package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

func auditLines(from, to uint64, tag string) []auditLine {
	var out []auditLine
	for id := from; id <= to; id++ {
		out = append(out, auditLine{id, fmt.Appendf(nil, `{"id":%d,"tag":%q}`, id, tag)})
	}
	return out
}

// auditChunkKeys counts a chapter's chunks.
func auditChunkKeys(tx *bolt.Tx, chapter string) int {
	n := 0
	prefix := auditChunkPrefix(chapter)
	c := tx.Bucket(bucketChapterRecords).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		n++
	}
	return n
}

// TestArchiveAuditChunks merges audits one after another into the chunks,
// as successive bundles of a chapter would, and checks the counts and that
// the chunks then hold exactly the lines a plain map of ID to line holds.
func TestArchiveAuditChunks(t *testing.T) {
	s := openTemp(t)
	steps := []struct {
		name   string
		in     []auditLine
		want   app.MergeCount
		chunks int
	}{
		{"first bundle, three chunks", auditLines(1, 2500, "a"), app.MergeCount{Added: 2500}, 3},
		{"the same again", auditLines(1, 2500, "a"), app.MergeCount{Unchanged: 2500}, 3},
		{"a changes bundle after it", auditLines(2501, 2600, "a"), app.MergeCount{Added: 100}, 3},
		{"inside one chunk, one line changed", append(auditLines(1500, 1509, "a"), auditLines(1510, 1510, "b")...), app.MergeCount{Unchanged: 10, Updated: 1}, 3},
		{"across every chunk, with new lines beyond", append(auditLines(1000, 2600, "a"), auditLines(3000, 3001, "a")...), app.MergeCount{Unchanged: 1600, Updated: 1, Added: 2}, 3},
		// Lines older than every chunk make a chunk of their own.
		{"before the first chunk", auditLines(0, 0, "a"), app.MergeCount{Added: 1}, 4},
		{"nothing", nil, app.MergeCount{}, 4},
	}
	want := map[uint64][]byte{}
	for _, st := range steps {
		var got app.MergeCount
		var chunks int
		err := s.db.Update(func(tx *bolt.Tx) error {
			if err := archiveAudit(tx.Bucket(bucketChapterRecords), "HZ", st.in, &got, func() error { return nil }); err != nil {
				return err
			}
			chunks = auditChunkKeys(tx, "HZ")
			return nil
		})
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		for _, l := range st.in {
			want[l.id] = l.line
		}
		if got != st.want || chunks != st.chunks {
			t.Errorf("%s: counts %+v in %d chunks, want %+v in %d", st.name, got, chunks, st.want, st.chunks)
		}
		kept, err := s.ChapterRecords("HZ", "audit")
		if err != nil {
			t.Fatal(err)
		}
		ids := slices.Sorted(func(yield func(uint64) bool) {
			for id := range want {
				if !yield(id) {
					return
				}
			}
		})
		if len(kept) != len(ids) {
			t.Fatalf("%s: %d lines kept, want %d", st.name, len(kept), len(ids))
		}
		for i, id := range ids {
			if !bytes.Equal(kept[i], want[id]) {
				t.Fatalf("%s: line %d = %s, want %s", st.name, i, kept[i], want[id])
			}
		}
	}
	if other, _ := s.ChapterRecords("H", "audit"); len(other) != 0 {
		t.Errorf("chapter H, a prefix of HZ, has %d audit lines, want none", len(other))
	}
}

// TestMigrationsChunkAndCompressChapterAudits: the audit lines an older
// database kept one per key are, after migrations 9 (chunks) and 10
// (compressed), whether run together or one open after the other, the
// same lines in compressed chunks, and the other records kept per chapter
// are untouched.
func TestMigrationsChunkAndCompressChapterAudits(t *testing.T) {
	if m := migrations[8]; m.Version != 9 || m.Name != "chapter audit in chunks" {
		t.Fatalf("migration 9 is %d %q", m.Version, m.Name)
	}
	if m := migrations[9]; m.Version != 10 || m.Name != "chapter audit compressed" {
		t.Fatalf("migration 10 is %d %q", m.Version, m.Name)
	}
	for _, tc := range []struct {
		name string
		// via is the schema an open in between leaves the file at.
		via        int
		wantBackup string
	}{
		{"from 8 to 10 in one open", 8, ".before-v9-*.bak"},
		{"from 8 to 9, then to 10", 9, ".before-v10-*.bak"},
	} {
		path := filepath.Join(t.TempDir(), "acedesk.db")
		old, err := Open(path, Options{Migrations: migrations[:8]})
		if err != nil {
			t.Fatal(err)
		}
		perLine := map[string][]auditLine{"HZ": auditLines(1, 2049, "hz"), "SH": auditLines(7, 9, "sh")}
		batch := json.RawMessage(`{"id":"2026-Q1"}`)
		err = old.db.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketChapterRecords)
			for chapter, lines := range perLine {
				for _, l := range lines {
					if err := b.Put(append([]byte(chapter+"\x00audit\x00"), itob(l.id)...), l.line); err != nil {
						return err
					}
				}
			}
			return b.Put([]byte("HZ\x00batches\x002026-Q1"), batch)
		})
		if err != nil {
			t.Fatal(err)
		}
		old.Close()
		if tc.via > 8 {
			mid, err := Open(path, Options{Migrations: migrations[:tc.via]})
			if err != nil {
				t.Fatal(err)
			}
			mid.Close()
		}
		s, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if backups, _ := filepath.Glob(path + tc.wantBackup); len(backups) != 1 {
			t.Errorf("%s: backups = %v, want one %s", tc.name, backups, tc.wantBackup)
		}
		for chapter, lines := range perLine {
			kept, err := s.ChapterRecords(chapter, "audit")
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			var want []json.RawMessage
			for _, l := range lines {
				want = append(want, l.line)
			}
			if !slices.EqualFunc(kept, want, func(a, b json.RawMessage) bool { return bytes.Equal(a, b) }) {
				t.Errorf("%s: %s has %d audit lines after the migrations, want its %d, identical", tc.name, chapter, len(kept), len(want))
			}
		}
		s.db.View(func(tx *bolt.Tx) error {
			if got := auditChunkKeys(tx, "HZ"); got != 3 {
				t.Errorf("%s: HZ has %d chunks, want 3 for 2049 lines", tc.name, got)
			}
			first := tx.Bucket(bucketChapterRecords).Get(append(auditChunkPrefix("HZ"), itob(1)...))
			if raw := rawAuditChunk(perLine["HZ"][:auditChunkLines]); len(first) >= len(raw)/2 {
				t.Errorf("%s: the first chunk takes %d bytes, its lines %d: not compressed", tc.name, len(first), len(raw))
			}
			return nil
		})
		if got, _ := s.ChapterRecords("HZ", "batches"); len(got) != 1 || !bytes.Equal(got[0], batch) {
			t.Errorf("%s: batches after the migrations = %s, want [%s]", tc.name, got, batch)
		}
		s.Close()
	}
}
