package store

import (
	"encoding/binary"
	"maps"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// placedOf is what a merge of chapter would load from merged_ids.
func placedOf(t *testing.T, s *Store, chapter string) map[string]map[uint64]uint64 {
	t.Helper()
	got := map[string]map[uint64]uint64{}
	err := s.db.View(func(tx *bolt.Tx) error {
		m := &merger{tx: tx, chapter: chapter, local: map[string]*idMap{}}
		if err := m.loadPlaced(); err != nil {
			return err
		}
		for kind, ids := range m.local {
			got[kind] = map[uint64]uint64{}
			for src := range uint64(len(ids.vals)) {
				if local, ok := ids.get(src); ok {
					got[kind][src] = local
				}
			}
			maps.Copy(got[kind], ids.far)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestPlacedRecordsSurviveTheirBlocks: what merges bind and delete, written
// in blocks, is what the next merge loads, including IDs far apart, a
// block emptied by deletions, and a chapter whose ID is a prefix of another.
func TestPlacedRecordsSurviveTheirBlocks(t *testing.T) {
	s := openTemp(t)
	type op struct {
		kind       string
		src, local uint64 // local 0: delete
	}
	steps := []struct {
		chapter string
		ops     []op
		want    map[string]map[uint64]uint64
	}{
		{"HZ", []op{{"member", 1, 1}, {"member", 1023, 40}, {"member", 1024, 41}, {"contribution", 5, 9}, {"contribution", 1 << 40, 10}},
			map[string]map[uint64]uint64{"member": {1: 1, 1023: 40, 1024: 41}, "contribution": {5: 9, 1 << 40: 10}}},
		{"H", []op{{"member", 1, 77}}, map[string]map[uint64]uint64{"member": {1: 77}}},
		{"HZ", []op{{"member", 1023, 0}, {"member", 1, 0}, {"event", 3, 4}},
			map[string]map[uint64]uint64{"member": {1024: 41}, "contribution": {5: 9, 1 << 40: 10}, "event": {3: 4}}},
	}
	for i, st := range steps {
		err := s.db.Update(func(tx *bolt.Tx) error {
			m := &merger{tx: tx, chapter: st.chapter, local: map[string]*idMap{}, moved: map[string]map[uint64]bool{}}
			if err := m.loadPlaced(); err != nil {
				return err
			}
			for _, o := range st.ops {
				if o.local == 0 {
					m.local[o.kind].remove(o.src)
					m.movedBlock(o.kind, o.src)
					continue
				}
				if m.local[o.kind] == nil {
					m.local[o.kind] = newIDMap(0)
				}
				m.local[o.kind].set(o.src, o.local)
				m.movedBlock(o.kind, o.src)
			}
			return m.flushPlaced()
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := placedOf(t, s, st.chapter); !reflect.DeepEqual(got, st.want) {
			t.Errorf("step %d: %s placed = %v, want %v", i, st.chapter, got, st.want)
		}
	}
	s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMergedIDs).Get(mergedBlockKey("HZ", kindCodes["member"], 0)); v != nil {
			t.Errorf("HZ's first member block, emptied, holds %x", v)
		}
		return nil
	})
}

// TestMigrationElevenPutsMergedIDsInBlocks: the per-record merged_ids of an
// older database load, after the migration, as the same records.
func TestMigrationElevenPutsMergedIDsInBlocks(t *testing.T) {
	if m := migrations[10]; m.Version != 11 || m.Name != "merged IDs in blocks" {
		t.Fatalf("migration 11 is %d %q", m.Version, m.Name)
	}
	want := map[string]map[string]map[uint64]uint64{"HZ": {"member": {}, "contribution": {7: 3, 1 << 33: 4}}, "H": {"member": {1: 5000}}}
	for src := uint64(1); src <= 2500; src++ {
		want["HZ"]["member"][src] = src + 100
	}
	s, _ := upgraded(t, 10, func(old *Store) {
		err := old.db.Update(func(tx *bolt.Tx) error {
			for chapter, kinds := range want {
				for kind, ids := range kinds {
					for src, local := range ids {
						key := binary.BigEndian.AppendUint64([]byte(chapter+"\x00"+string(kindCodes[kind])), src)
						if err := tx.Bucket(bucketMergedIDs).Put(key, itob(local)); err != nil {
							return err
						}
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	for chapter, w := range want {
		if got := placedOf(t, s, chapter); !reflect.DeepEqual(got, w) {
			t.Errorf("%s after the migration: %d kinds, want %d, the same records", chapter, len(got), len(w))
		}
	}
	s.db.View(func(tx *bolt.Tx) error {
		if n := tx.Bucket(bucketMergedIDs).Stats().KeyN; n != 3+1+2 {
			t.Errorf("merged_ids has %d keys, want 6 blocks", n)
		}
		return nil
	})
}
